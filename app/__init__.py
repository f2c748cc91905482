"""CaseDesk — 肇事逃逸案件工作台."""

__version__ = "0.1.0"
