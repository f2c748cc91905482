"""Who runs a CLI command: a named user, never an anonymous administrator.

In order: ``CASEDESK_TOKEN`` (issued by an administrator with ``casedesk-cli token issue``),
``CASEDESK_USER`` + ``CASEDESK_PASSWORD``, or — on a terminal — a password prompt. Without
credentials and without a terminal the command stops with a plain message. Every sign-in goes
through the same throttled, audited login as the GUI.
"""

from __future__ import annotations

import getpass
import os
import sys

from sqlalchemy.orm import Session, sessionmaker

from app.i18n import _
from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.org import login, tokens


def credentials() -> tuple[str, str] | None:
    """(user, password) from the environment or a terminal prompt; None when there are none."""
    user = os.environ.get("CASEDESK_USER")
    password = os.environ.get("CASEDESK_PASSWORD")
    if user and password is not None:
        return user, password
    if not sys.stdin.isatty():
        return None
    try:
        user = user or input(_("User name: "))
        return user, getpass.getpass(_("Password for {user}: ", user=user))
    except (EOFError, KeyboardInterrupt):
        return None


def no_credentials() -> login.AuthenticationError:
    return login.AuthenticationError(_(
        "casedesk-cli needs a signed-in user: set CASEDESK_USER and CASEDESK_PASSWORD (or "
        "CASEDESK_TOKEN issued by an administrator), or run it in a terminal to be asked for "
        "the password."))


def sign_in(factory: sessionmaker[Session]) -> Actor:
    """The actor for this run, or AuthenticationError in plain words."""
    token = os.environ.get("CASEDESK_TOKEN")
    if token:
        with unit_of_work(factory) as session:
            return tokens.actor_for_token(session, token)
    creds = credentials()
    if creds is None:
        raise no_credentials()
    outcome = login.login(factory, *creds)
    actor = outcome.actor
    assert actor is not None  # login() raises on every refusal
    if outcome.must_change_password:
        print(_("Warning: {user} must change the password (sign in to the program once).",
                user=actor.username), file=sys.stderr)
    return actor
