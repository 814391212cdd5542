"""Wires the stages: Article -> spaCy Doc -> Mentions (events with claims and evidence).

Build one ``Pipeline`` per process (it loads the spaCy model, the gazetteer and the actor
dictionary once) and pass it around; ``extract`` takes one article, ``extract_many`` a stream.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from fieldreport.config import Settings
from fieldreport.extract.actors import ActorFinder
from fieldreport.extract.build import ArticleState, Resources, build_mention
from fieldreport.extract.context import Dateline, context_countries, find_dateline
from fieldreport.extract.events import (
    ArticleContext,
    SentenceInfo,
    group_events,
    is_sports,
    read_sentence,
)
from fieldreport.model import Article, Mention
from fieldreport.nlp import build_pipeline, ruler_patterns
from fieldreport.resolve.actors import ActorDictionary
from fieldreport.resolve.dates import find_date_expressions, resolve_date
from fieldreport.resolve.places import Gazetteer


class Pipeline:
    """The loaded models and reference data, and the stages that use them."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        actors = ActorDictionary.load()
        gazetteer = Gazetteer.load()
        patterns = ruler_patterns(
            places=gazetteer.names(("region",)),
            demonyms=actors.demonyms(),
            actors=[alias for alias, _ in actors.named_aliases()],
        )
        self.nlp = build_pipeline(self.settings.model, patterns)
        gazetteer.use_country_names(actors.country_names())  # ACLED's names in every output
        self.resources = Resources(actors, gazetteer, ActorFinder(self.nlp, actors))

    def extract(self, article: Article) -> list[Mention]:
        return self.mentions(article, self.nlp(self._text(article)))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        pairs = ((self._text(a), a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.settings.batch_size
        ):
            yield article, self.mentions(article, doc)

    def _text(self, article: Article) -> str:
        return article.text[: self.settings.max_chars]

    def mentions(self, article: Article, doc: Doc) -> list[Mention]:
        """The events of one parsed article."""
        res = self.resources
        dateline = find_dateline(article.text, res.gazetteer)
        groups = res.finder.countries_of_named(doc)
        countries = context_countries(
            doc,
            res.gazetteer,
            res.actors.demonym_map(),
            res.finder.foreign_force_tokens(doc),
            groups,
        )
        if dateline and dateline.country and dateline.country not in countries:
            countries.append(dateline.country)
        named = tuple(countries)
        for country in groups:
            if country not in countries:
                countries.append(country)  # where the named groups operate: a weaker prior
        ctx = ArticleContext(
            article.text,
            filed_on(article, dateline),
            countries,
            dateline,
            _body_start(article, dateline),
            named,
            is_sports(article.text),
            ents=doc.ents,
        )
        infos: list[SentenceInfo] = []
        earlier: dict[str, None] = {}  # countries of the places named so far, in order
        for sent in doc.sents:
            if sent.start_char >= ctx.body_start and sent.text.strip():
                info = read_sentence(doc, sent, ctx, res.finder, res.gazetteer, tuple(earlier))
                earlier.update(dict.fromkeys(p.entry.country for p in info.places))
                infos.append(info)
        state = ArticleState()
        out: list[Mention] = []
        for group in group_events(infos):
            mention = build_mention(doc, article, ctx, group, res, state)
            if mention is not None:
                out.append(mention)
        return out


FILED_WITHIN_DAYS = 31  # a dateline's date this close to the publication date is the filing's


def filed_on(article: Article, dateline: Dateline | None) -> dt.date | None:
    """The day the report was filed: the date in its dateline ("NAIROBI, May 25, 2023
    (Reuters) -"), which "on Wednesday" counts back from, else the publication date. A page
    can be published or fetched days after its wire story was filed."""
    if dateline is None:
        return article.published
    head = article.text[dateline.start : dateline.end]
    for start, end in find_date_expressions(head):
        info = resolve_date(head[start:end], article.published)
        if info is None or info.precision != 1 or not info.basis.startswith("explicit"):
            continue
        if (
            article.published is None
            or abs((info.date - article.published).days) <= FILED_WITHIN_DAYS
        ):
            return info.date
    return article.published


def _body_start(article: Article, dateline: object) -> int:
    """Skip the headline block: text before the dateline, or a first line equal to the title."""
    start = getattr(dateline, "start", None)
    if isinstance(start, int):
        return start
    first = article.text.split("\n", 1)[0]
    if article.title and first.strip() == article.title.strip() and "\n" in article.text:
        return len(first) + 1
    return 0
