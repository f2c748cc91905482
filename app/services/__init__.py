"""Qt-free units of work. Each takes a Session (or factory) and an Actor, returns frozen
dataclasses (never live ORM objects), enforces permissions and writes the audit chain."""
