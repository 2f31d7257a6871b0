"""Streamlit pieces shared by the pages, and the Plotly figures they show."""
