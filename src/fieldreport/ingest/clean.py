"""Drop page debris and photo captions from article text, line by line."""

from __future__ import annotations

import re

_DEBRIS = re.compile(
    r"^(load (next|more) (story|stories|articles?)|read (more|next|also)|related (stories|articles|"
    r"news)|advertisement|sponsored( content)?|share (this|on \w+)|subscribe( now)?|sign up|"
    r"follow us( on \w+)?|click here|comments?|print|email|tweet|next story|previous story|"
    r"(accept|manage) cookies|we use cookies.*|all rights reserved.*|©.*|copyright.*|"
    r"(more|latest) (news|stories)|you may also like|most read|trending( now)?)\W*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(\b(photo|picture|image|file photo|credit)s?\s*[:/]\s*[\w .&'/-]{2,40}$)"
    r"|(\((photo|picture|image|file)[^)]{0,60}\)\s*$)",
    re.IGNORECASE,
)


def is_debris(line: str) -> bool:
    """A line that belongs to the page, not the report: navigation, captions, boilerplate."""
    stripped = line.strip()
    if not stripped:
        return False
    return bool(_DEBRIS.match(stripped) or _CAPTION.search(stripped))


# a hashtag's sign, "#Taliban": markup the parser reads as a currency sign ("20 #Taliban
# fighters" loses its count); not "#3" nor "C#"
_HASHTAG = re.compile(r"(?<![\w&#])#(?=[^\W\d_])")


def clean_text(text: str) -> str:
    """The report without debris lines or hashtag signs; paragraphs separated by one blank
    line."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [_HASHTAG.sub("", line) for line in lines if not is_debris(line)]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))
    return out.strip()
