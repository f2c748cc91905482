"""The translation pipeline behind ``tools/update_translations.py`` (build/test time only).

GUI: ``tr()`` strings → ``pyside6-lupdate`` → ``translations/<lang>/ui/<topic>.ts`` (Qt Linguist)
→ ``pyside6-lrelease`` → ``app/resources/i18n/casedesk_<lang>.qm``.
Core: ``_()`` strings → Babel extraction → ``translations/<lang>/core/<topic>.po`` (Poedit)
→ Babel ``write_mo`` → ``app/resources/i18n/<lang>/LC_MESSAGES/casedesk.mo`` (read with the
standard library's ``gettext``). Old JSON glossaries are folded in by :mod:`.fold`.
"""
