"""Hosting: N replicas of the app behind HAProxy (replicas.py, haproxy.cfg)."""
