"""The rules' check functions, one module per rule family.

Each check takes the bundle's :class:`~consistency.match.analysis.BundleAnalysis` and its
:class:`~consistency.engine.registry.Rule` and yields findings; the registry's kind
declarations (:data:`consistency.engine.kinds.KINDS`) name the function by dotted path, so a
family's module is imported only when one of its rules runs.

- :mod:`.figures`: QTY001, QTY002, DAT001, STL001 (figure clusters);
- :mod:`.coverage`: COV001 (aligned passages); :mod:`.files`: COV003, COV004 (whole files);
- :mod:`.names`: NAM001-NAM003 (name links); :mod:`.quotes`: QUO001-QUO003 (quotation pairs);
- :mod:`.placeholders`: PLH001, PLH002 (placeholders and markup of keyed units);
- :mod:`.suppression`: SUP001 (suppressions that matched nothing);
- :mod:`.common`: locations and findings, shared by all.
"""
