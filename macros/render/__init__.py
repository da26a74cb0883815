"""Pure functions from the validated model to Markdown, Mermaid and export files."""
