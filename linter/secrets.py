"""Heuristics shared by every rule about inlined secrets.

Only names and the *shape* of values are inspected; a value is never returned,
logged or put into a message.
"""
from __future__ import annotations

import re

# Patterns are strings, compiled on first use through re's own cache: most runs never need them.
# Words that make a variable name look like it holds a secret. A word must end the name or a
# part of it (a plural `s` allowed): `TOKENIZER_MODEL` or `SECRETARY_EMAIL` hold no secret.
_SECRET_WORDS = (
    r"(?i)(passwd|password|passphrase|secret|token|api_?key|apikey|private_?key|secret_?key|"
    r"credential|access_?key|auth_?key|client_?secret|pwd|jwt|bearer|"
    r"session_?key|signing_?key|encryption_?key|master_?key)s?(?![a-z])"
)
# Suffixes that say the variable holds a reference or a setting, not the secret itself.
_REFERENCE_SUFFIX = (
    r"(?i)(_file|_path|_dir|_name|_names|_key_?id|_id|_ref|_length|_len|_min|_max|_size|"
    r"_ttl|_expiry|_expires|_expiration|_timeout|_enabled|_enable|_disabled|_header|"
    r"_type|_mode|_url|_endpoint|_version|_field|_prefix|_policy|_rotation|_count|"
    r"_algorithm|_alg|_issuer|_audience|_lifetime)$"
)
_BOOL_OR_NUMBER = r"(?i)^(true|false|yes|no|on|off|null|none|-?\d{1,5})$"
# `$VAR`, `${VAR}`, values made of Kubernetes `$(VAR)` references only (`$(USER):$(PASSWORD)`),
# file paths and secret-manager references
_REFERENCE_VALUE = (
    r"^(\$\{?[A-Za-z_][A-Za-z0-9_]*.*|(\$\([A-Za-z_][A-Za-z0-9_]*\)[-_.:/@]?)+|"
    r"/.*|\./.*|file:.*|vault:.*|ref\+.*)$"
)
_PLACEHOLDER = (
    r"(?i)^(<[^>]*>|\{\{.*\}\}|changeme|change-me|change_me|xxx+|\*+|redacted|dummy|example|"
    r"your[-_]?\w*|placeholder|todo|tbd|secret|password|token|\.\.\.)$"
)


def _normalise(name: str) -> str:
    # camelCase and kebab-case names read like snake_case ones
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.replace("-", "_").replace(".", "_")


def looks_like_secret_name(name: str) -> bool:
    """True when a variable or key name suggests it holds a credential."""
    norm = _normalise(name)
    if not re.search(_SECRET_WORDS, norm):
        return False
    return not re.search(_REFERENCE_SUFFIX, norm)


def looks_like_literal_secret(value: object) -> bool:
    """True when a value is a literal that could be a secret (not a reference, flag or placeholder)."""
    if not isinstance(value, str):
        return False
    text = value.strip().strip("'\"")
    if len(text) < 4:
        return False
    if re.match(_BOOL_OR_NUMBER, text) or re.match(_REFERENCE_VALUE, text) or re.match(_PLACEHOLDER, text):
        return False
    return True


# A command-line flag or `NAME=value` word whose *last* word is a credential word:
# `--db-password`, `--api-key`, `CLIENT_SECRET`; not `--secret-store` or `--token-ttl`.
_FLAG_LAST_WORD = (
    r"(?i)(^|_)(passwd|password|passphrase|secret|token|api_?key|apikey|private_?key|secret_?key|"
    r"credentials?|access_?key|auth_?key|client_?secret|pwd|jwt|bearer_?token|"
    r"session_?key|signing_?key|encryption_?key|master_?key)s?$"
)


def looks_like_secret_flag(name: str) -> bool:
    """True when a flag or assignment name (`--db-password`, `API_KEY`) ends in a credential word."""
    norm = _normalise(name.lstrip("-"))
    return bool(re.search(_FLAG_LAST_WORD, norm)) and looks_like_secret_name(norm)


_PEM_PRIVATE_KEY = r"-----BEGIN [A-Z ]*PRIVATE KEY-----"


def looks_like_private_key(value: object) -> bool:
    """True when a value holds a PEM private key block."""
    return isinstance(value, str) and bool(re.search(_PEM_PRIVATE_KEY, value))
