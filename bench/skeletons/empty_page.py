"""Empty: the second page the navigation lists."""
