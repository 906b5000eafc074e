"""Label schema (hadolint's `label-schema:` / `strict-labels:`) and the value validators of DL3048-DL3058."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from linter.sources.buildsteps import label_pairs
from linter.sources.dockerfile import Dockerfile, Instruction

LABEL_TYPES = ("text", "url", "semver", "hash", "rfc3339", "spdx", "email")


@dataclass(frozen=True)
class LabelSchemaOptions:
    """`label-schema`: label name -> text|url|semver|hash|rfc3339|spdx|email; `strict-labels`: no other labels."""

    label_schema: dict[str, str] = field(default_factory=dict)
    strict_labels: bool = False


def schema(options: object) -> dict[str, str]:
    value = getattr(options, "label_schema", None)
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v).strip().lower() for k, v in value.items()}


def labels(df: Dockerfile) -> Iterator[tuple[Instruction, str, str]]:
    """Every (LABEL instruction, key, value) of the file."""
    for instr in df.instructions:
        if instr.keyword == "LABEL":
            for key, value in label_pairs(instr):
                yield instr, key, value


def typed_violations(
    df: Dockerfile, options: object, kind: str, valid: Callable[[str], bool],
) -> Iterator[tuple[Instruction, str, str]]:
    """Labels whose schema type is `kind` and whose literal value `valid` rejects.

    Empty values are DL3051's finding, and values built from build arguments (`$VERSION`)
    cannot be judged before the build, so both are skipped.
    """
    wanted = {name for name, typ in schema(options).items() if typ == kind}
    if not wanted:
        return
    for instr, key, value in labels(df):
        if key in wanted and value.strip() and "$" not in value and not valid(value.strip()):
            yield instr, key, value


URL_RE = r"^[A-Za-z][A-Za-z0-9+.-]*:(//)?[^\s\"<>\\^`{|}]+$"
RFC3339_RE = (
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"
)
SEMVER_RE = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)"
    r"(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
HASH_RE = r"^([0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$"
EMAIL_RE = (
    r"^(?:[^\s<>@]+ )*<?[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*>?$"
)
# SPDX license ids in common use (https://spdx.org/licenses/); `LicenseRef-...` is always valid.
SPDX_IDS = {s.lower() for s in """
0BSD AFL-3.0 AGPL-1.0 AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.0 Apache-1.1 Apache-2.0 APSL-2.0
Artistic-1.0 Artistic-2.0 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent BSD-3-Clause
BSD-3-Clause-Clear BSD-4-Clause BSL-1.0 BUSL-1.1 CC-BY-3.0 CC-BY-4.0 CC-BY-SA-3.0 CC-BY-SA-4.0 CC-BY-NC-4.0
CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CECILL-2.1 CPL-1.0 ECL-2.0 EFL-2.0 EPL-1.0 EPL-2.0
EUPL-1.1 EUPL-1.2 GFDL-1.3 GFDL-1.3-only GFDL-1.3-or-later GPL-1.0 GPL-2.0 GPL-2.0-only GPL-2.0-or-later
GPL-2.0+ GPL-3.0 GPL-3.0-only GPL-3.0-or-later GPL-3.0+ ISC LGPL-2.0 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1
LGPL-2.1-only LGPL-2.1-or-later LGPL-2.1+ LGPL-3.0 LGPL-3.0-only LGPL-3.0-or-later LGPL-3.0+ LPPL-1.3c
MirOS MIT MIT-0 MPL-1.0 MPL-1.1 MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-2.0 NCSA
ODbL-1.0 OFL-1.1 OpenSSL OSL-3.0 PHP-3.0 PHP-3.01 PostgreSQL Python-2.0 PSF-2.0 Ruby SSPL-1.0 Unicode-DFS-2016
Unicode-3.0 Unlicense UPL-1.0 Vim W3C WTFPL X11 Zlib ZPL-2.1 curl Beerware JSON libtiff
""".split()}
SPDX_EXCEPTIONS = {s.lower() for s in "Classpath-exception-2.0 LLVM-exception GCC-exception-3.1 OpenJDK-assembly-exception-1.0 Autoconf-exception-3.0 Bison-exception-2.2".split()}


def is_url(v: str) -> bool:
    return bool(re.match(URL_RE, v))


def is_rfc3339(v: str) -> bool:
    return bool(re.match(RFC3339_RE, v))


def is_semver(v: str) -> bool:
    return bool(re.match(SEMVER_RE, v))


def is_git_hash(v: str) -> bool:
    return bool(re.match(HASH_RE, v))


def is_email(v: str) -> bool:
    return bool(re.match(EMAIL_RE, v))


def is_spdx(v: str) -> bool:
    """An SPDX license expression over known ids: `MIT`, `Apache-2.0 OR MIT`, `(GPL-2.0 WITH Classpath-exception-2.0)`."""
    tokens = v.replace("(", " ").replace(")", " ").split()
    expect_id = True
    after_with = False
    for tok in tokens:
        if expect_id:
            low = tok.lower()
            ok = (low in SPDX_EXCEPTIONS) if after_with else (
                low in SPDX_IDS or low.rstrip("+") in SPDX_IDS or low.startswith(("licenseref-", "documentref-")))
            if not ok:
                return False
            expect_id, after_with = False, False
        elif tok.upper() in ("AND", "OR", "WITH"):
            expect_id, after_with = True, tok.upper() == "WITH"
        else:
            return False
    return bool(tokens) and not expect_id
