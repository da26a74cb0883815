"""MkDocs glue: the site's files that are files of the build's cache, hard-linked into the site."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File

from .content_cache import link_or_copy


class LinkedFile(File):
    """A file of the cache that goes into the site as a hard link (`link_or_copy`): a warm build of a Kabupaten's
    5 years puts some 70,000 cached charts, CSVs and diagrams into the site, which copying took about 12 s of. The
    Pages artifact (`tar --hard-dereference`) and `make dist` store each file's bytes. A site file written into in
    place (not replaced) would change the cache as well."""

    def is_modified(self) -> bool:
        """For `--dirty` builds: whether the site holds another file than this one. A file reused from the cache
        keeps the time it was made (a site linking it keeps its times), so times cannot tell."""
        assert self.abs_src_path is not None
        try:
            return not os.path.samefile(self.abs_src_path, self.abs_dest_path)
        except OSError:
            return True

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        output = self.abs_dest_path
        os.makedirs(os.path.dirname(output), exist_ok=True)
        if os.path.lexists(output):  # a dirty rebuild of `mkdocs serve`
            os.unlink(output)
        link_or_copy(Path(self.abs_src_path), Path(output))
