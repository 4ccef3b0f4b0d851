"""Custom Streamlit components of the explorer."""
