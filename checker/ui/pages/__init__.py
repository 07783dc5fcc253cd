"""The app's pages, one module each; ``app.py`` wires them into the sidebar."""
