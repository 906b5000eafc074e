"""Write a file whole or not at all (a temporary file renamed over it), for caches that concurrent
runs share."""
from __future__ import annotations

import os


def write_atomic(path: str, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file in the same folder; False when the folder
    cannot be written (the caller just goes without its cache)."""
    import tempfile

    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        return False
    return True
