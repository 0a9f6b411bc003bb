"""Rendering of the macros: what Jinja is spared (handbook.render.jinja.PlainText) changes nothing in the output."""

from __future__ import annotations

import pytest
from jinja2 import Environment, TemplateSyntaxError, UndefinedError
from jinja2.loaders import DictLoader

from handbook import model as schema
from handbook.render.jinja import LITERAL_MACROS, FrenchUndefined, PlainText, on_post_page_macros, on_pre_page_macros

LONG = "Un paragraphe ordinaire, assez long pour être mis de côté pendant que Jinja lit la page."


def environment(with_extension: bool, calls: list | None = None) -> Environment:
    env = Environment(undefined=FrenchUndefined, loader=DictLoader({
        "inclus.md": LONG + ' {{ outil("inclus") }}\n',
    }))
    if with_extension:
        env.add_extension(PlainText)

    def outil(slug, texte=None):
        if calls is not None:
            calls.append(slug)
        return f"[{texte or slug.title()}]({slug}.md)"

    env.globals.update(outil=outil, terme=lambda ident, texte=None: f"[{texte or ident}](glossaire.md#{ident}){{ .terme }}",
                       cite=lambda key, page=None: f"([{key}{', ' + page if page else ''}](bibliographie.md#{key}))",
                       items=["a", "b", "c"], formation={"titre": "Animer"})
    return env


def render(env: Environment, source: str) -> str:
    """Render one page as mkdocs-macros does with our module: a fresh set-aside list for each page."""
    extension = env.extensions.get(PlainText.identifier)
    if extension is not None:
        extension.aside.clear()
    output = env.from_string(source).render()
    return extension.restore(output) if extension is not None else output


TEMPLATES = {
    "texte et liens": f'# Titre\n\n{LONG}\n{{{{ outil("world-cafe") }}}} puis {{{{ terme("noyau", texte="noyaux") }}}}.\n'
                      f'{LONG} {{{{ cite("wenger-1998", "p. 12") }}}}\n',
    "guillemets simples et virgule finale": f"{LONG} {{{{ outil('1-2-4-tous', texte='1-2-4-tous',) }}}}\n",
    "appel sur plusieurs lignes": f'{LONG}\n{{{{ outil(\n    "world-cafe",\n    texte="le café"\n) }}}}\n{LONG}\n',
    "boucle": f'{{% for i in items %}}\n{LONG} {{{{ i }}}} {{{{ outil("x") }}}}\n{{% endfor %}}\n',
    "variable de boucle qui masque une macro": f'{{% for outil in items %}}{LONG} {{{{ outil }}}}\n{{% endfor %}}\n',
    "contrôle des espaces": f'{LONG}\n   {{%- if true -%}}\n   {LONG}   \n  {{%- endif %}}\n\n{LONG}',
    "bloc raw": f'{{% raw %}}\n{LONG} {{{{ outil("pas-rendu") }}}}\n{{% endraw %}}\n{LONG}',
    "commentaire": f'{LONG}\n{{# {LONG} {{{{ outil("commente") }}}} #}}\n{LONG}',
    "argument variable et filtre": f'{LONG} {{{{ outil(formation.titre) }}}} {{{{ outil("x") | upper }}}}\n',
    "inclusion": f'{LONG}\n{{% include "inclus.md" %}}{LONG}\n',
    "texte court": 'Court {{ outil("a") }} et {{ formation.titre }}.',
    "accolades ordinaires": f'{LONG} {{ .classe }} {{: #ancre }}\n',
    "accolades dans une chaîne": f'{LONG} {{{{ outil("a}}}}b", texte="c %}}") }}}} {{{{ "x}}}}" ~ formation.titre }}}} {LONG}\n',
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_setting_plain_text_aside_gives_the_same_page(name):
    source = TEMPLATES[name]
    plain, spared = environment(False), environment(True)
    for page in (source, LONG + "\n" + source):  # two pages in a row: the included template is cached by then
        assert render(spared, page) == render(plain, page)


def test_jinja_reads_far_less_than_the_page():
    env = environment(True)
    source = TEMPLATES["texte et liens"] * 20
    read = env.preprocess(source)
    assert len(read) < len(source) / 10, read
    assert "{{" not in read


def test_a_link_inside_a_false_branch_or_raw_block_is_not_expanded_twice():
    calls: list[str] = []
    env = environment(True, calls)
    render(env, f'{LONG} {{{{ outil("a") }}}} {{% raw %}}{{{{ outil("b") }}}}{{% endraw %}}')
    assert calls == ["a"]


@pytest.mark.parametrize("source, line", [
    (f"{LONG}\n{LONG}\n\n{LONG}\n{{{{ formation.titree }}}}\n", 5),
    (f'{LONG}\n{{{{ outil(\n"a") }}}}\n{LONG}\n{{{{ inconnue }}}}\n', 5),
])
def test_errors_keep_their_line_number(source, line):
    with pytest.raises(UndefinedError) as error:
        render(environment(True), source)
    assert f'File "<template>", line {line}' in "".join(
        __import__("traceback").format_exception(error.value))


def test_syntax_errors_keep_their_line_number():
    with pytest.raises(TemplateSyntaxError) as error:
        render(environment(True), f"{LONG}\n{LONG}\n{{{{ outil('a' }}}}\n")
    assert error.value.lineno == 3


def test_no_front_matter_field_hides_a_literal_macro():
    """mkdocs-macros passes the front matter of a page as variables: a field named like one of the LITERAL_MACROS
    would hide it, and the expansion before Jinja would then differ from Jinja's rendering."""
    fields = {name for kind in schema.PAGE_TYPES for name in kind.model_fields}
    assert not fields & LITERAL_MACROS


class MacrosEnv:
    """The object mkdocs-macros hands to the module's page hooks, with the page it is rendering."""

    def __init__(self, markdown: str = "", meta: dict | None = None):
        self.env, self.markdown = environment(False), markdown
        self.page = type("Page", (), {"title": None, "meta": dict(meta or {})})()

    def render(self) -> str:
        """What mkdocs-macros does for a page: pre-page hook, Jinja unless the page says no, post-page hook."""
        on_pre_page_macros(self)
        if self.page.meta.get("render_macros", True):
            self.markdown = self.env.from_string(self.markdown).render()
        on_post_page_macros(self)
        return self.markdown


def test_the_page_and_its_title_get_their_text_back():
    """mkdocs-macros renders the page, then its title, then calls on_post_page_macros."""
    expected = render(environment(False), TEMPLATES["texte et liens"] + "{{ formation.titre }}")
    macros = MacrosEnv(TEMPLATES["texte et liens"] + "{{ formation.titre }}")
    on_pre_page_macros(macros)
    macros.markdown = macros.env.from_string(macros.markdown).render()
    macros.page.title = macros.env.from_string(f'{LONG} {{{{ outil("x") }}}}').render()
    on_post_page_macros(macros)
    assert macros.markdown == expected
    assert macros.page.title == f"{LONG} [X](x.md)"


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_page_rendered_through_the_page_hooks_is_the_same(name):
    source = TEMPLATES[name]
    expected = render(environment(False), source)
    assert MacrosEnv(source).render().rstrip("\n") == expected.rstrip("\n")  # Jinja drops one final line break


def test_a_page_with_only_link_macros_skips_jinja():
    page = MacrosEnv(TEMPLATES["texte et liens"])
    on_pre_page_macros(page)
    assert page.page.meta["render_macros"] is False
    assert page.markdown.startswith(f"# Titre\n\n{LONG}\n[World-Cafe](world-cafe.md) puis [noyaux](glossaire.md#noyau)")
    assert PlainText.MARK not in page.markdown


@pytest.mark.parametrize("name", ["boucle", "bloc raw", "commentaire", "argument variable et filtre", "inclusion"])
def test_a_page_with_other_jinja_goes_to_jinja(name):
    page = MacrosEnv(TEMPLATES[name])
    on_pre_page_macros(page)
    assert "render_macros" not in page.page.meta


def test_a_page_whose_title_holds_jinja_goes_to_jinja():
    page = MacrosEnv(TEMPLATES["texte et liens"])
    page.page.title = "{{ formation.titre }} : le programme"
    on_pre_page_macros(page)
    assert "render_macros" not in page.page.meta


def test_a_page_that_asks_for_no_rendering_is_left_as_written():
    page = MacrosEnv(TEMPLATES["texte et liens"], meta={"render_macros": False})
    on_pre_page_macros(page)
    assert page.markdown == TEMPLATES["texte et liens"]
