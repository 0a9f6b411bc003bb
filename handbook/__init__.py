"""Build logic of the handbook « Animer dans la durée une communauté apprenante ».

One module per concern:

- ``schema``: the content model (data files, page types, required sections);
- ``content``: loading and validating the data files and the pages' front matter;
- ``errors``: French, actionable error messages collected during a build;
- ``macros``: variables and macros for mkdocs-macros;
- ``hooks``: MkDocs hooks (page checks, link messages, search index);
- ``search``: accent folding for the search index.
"""
