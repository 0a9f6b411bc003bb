"""Build logic of the handbook « Animer dans la durée une communauté apprenante », as one MkDocs plugin.

- ``plugin`` and ``config``: the plugin (``plugins: handbook:`` in mkdocs.yml), its typed options and the order of a build;
- ``model/``: the content model (page types, data files, sections and steps, message catalogue, loading and checks);
- ``render/``: what the build writes into pages (macros, computed blocks, search folding, French log messages);
- ``exports/``: PDF booklets and sheets, DOCX templates, the offline zip;
- ``authoring/``: page skeletons and the reference of the content model, for authors;
- ``downloads`` (names of the downloadable files) and ``typography`` (French spaces), shared by the others.
"""
