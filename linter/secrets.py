"""Heuristics shared by every rule about inlined secrets.

Only names and the *shape* of values are inspected; a value is never returned,
logged or put into a message.
"""
from __future__ import annotations

import re

# Words that make a variable name look like it holds a secret. A word must end the name or a
# part of it (a plural `s` allowed): `TOKENIZER_MODEL` or `SECRETARY_EMAIL` hold no secret.
_SECRET_WORDS = re.compile(
    r"(passwd|password|passphrase|secret|token|api_?key|apikey|private_?key|secret_?key|"
    r"credential|access_?key|auth_?key|client_?secret|pwd|jwt|bearer|"
    r"session_?key|signing_?key|encryption_?key|master_?key)s?(?![a-z])",
    re.IGNORECASE,
)
# Suffixes that say the variable holds a reference or a setting, not the secret itself.
_REFERENCE_SUFFIX = re.compile(
    r"(_file|_path|_dir|_name|_names|_key_?id|_id|_ref|_length|_len|_min|_max|_size|"
    r"_ttl|_expiry|_expires|_expiration|_timeout|_enabled|_enable|_disabled|_header|"
    r"_type|_mode|_url|_endpoint|_version|_field|_prefix|_policy|_rotation|_count|"
    r"_algorithm|_alg|_issuer|_audience|_lifetime)$",
    re.IGNORECASE,
)
_BOOL_OR_NUMBER = re.compile(r"^(true|false|yes|no|on|off|null|none|-?\d{1,5})$", re.IGNORECASE)
# `$VAR`, `${VAR}`, values made of Kubernetes `$(VAR)` references only (`$(USER):$(PASSWORD)`),
# file paths and secret-manager references
_REFERENCE_VALUE = re.compile(
    r"^(\$\{?[A-Za-z_][A-Za-z0-9_]*.*|(\$\([A-Za-z_][A-Za-z0-9_]*\)[-_.:/@]?)+|"
    r"/.*|\./.*|file:.*|vault:.*|ref\+.*)$"
)
_PLACEHOLDER = re.compile(
    r"^(<[^>]*>|\{\{.*\}\}|changeme|change-me|change_me|xxx+|\*+|redacted|dummy|example|"
    r"your[-_]?\w*|placeholder|todo|tbd|secret|password|token|\.\.\.)$",
    re.IGNORECASE,
)


def _normalise(name: str) -> str:
    # camelCase and kebab-case names read like snake_case ones
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.replace("-", "_").replace(".", "_")


def looks_like_secret_name(name: str) -> bool:
    """True when a variable or key name suggests it holds a credential."""
    norm = _normalise(name)
    if not _SECRET_WORDS.search(norm):
        return False
    return not _REFERENCE_SUFFIX.search(norm)


def looks_like_literal_secret(value: object) -> bool:
    """True when a value is a literal that could be a secret (not a reference, flag or placeholder)."""
    if not isinstance(value, str):
        return False
    text = value.strip().strip("'\"")
    if len(text) < 4:
        return False
    if _BOOL_OR_NUMBER.match(text) or _REFERENCE_VALUE.match(text) or _PLACEHOLDER.match(text):
        return False
    return True


# A command-line flag or `NAME=value` word whose *last* word is a credential word:
# `--db-password`, `--api-key`, `CLIENT_SECRET`; not `--secret-store` or `--token-ttl`.
_FLAG_LAST_WORD = re.compile(
    r"(^|_)(passwd|password|passphrase|secret|token|api_?key|apikey|private_?key|secret_?key|"
    r"credentials?|access_?key|auth_?key|client_?secret|pwd|jwt|bearer_?token|"
    r"session_?key|signing_?key|encryption_?key|master_?key)s?$",
    re.IGNORECASE,
)


def looks_like_secret_flag(name: str) -> bool:
    """True when a flag or assignment name (`--db-password`, `API_KEY`) ends in a credential word."""
    norm = _normalise(name.lstrip("-"))
    return bool(_FLAG_LAST_WORD.search(norm)) and looks_like_secret_name(norm)


_PEM_PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def looks_like_private_key(value: object) -> bool:
    """True when a value holds a PEM private key block."""
    return isinstance(value, str) and bool(_PEM_PRIVATE_KEY.search(value))
