"""The case file in the GUI: the lazy case list, the editor and its tabs, dialogs, undo."""
