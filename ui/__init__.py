"""The Streamlit explorer and the ``allegiance`` command line."""
