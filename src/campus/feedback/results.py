"""The results of a survey: per question the counts and percentages of each choice (with a bar chart drawn as
SVG on the server, and the same figures as a table for those who cannot see it), the mean of agreement scales,
and the free-text answers. An anonymous survey shows its answers in batches of ``MIN_ANONYMOUS`` (nothing but
counts until the first batch is complete).

Three queries whatever the number of responses (the questions, the responses, the audience's size). Nothing
here follows the order in which people answered: responses are read in the order of their random keys, and
free-text answers are listed sorted by their text.
"""

from dataclasses import dataclass, field

from .models import ANONYMOUS_BATCH, Question, Response
from .selectors import answer_counts

# An anonymous survey shows its answers in batches of this many (``Response.released``, set by
# ``services.submit``): the first batch once three people have answered (with one or two, knowing who answered
# would be knowing what they answered), the next when three more have, and so on, so that reading the results
# before and after one more answer shows no difference, and the difference after a batch mixes three answers.
MIN_ANONYMOUS = ANONYMOUS_BATCH
ROW_HEIGHT = 40  # one bar of the chart: its label above, the bar below (SVG units; the chart is 320 wide, its bars 230)


@dataclass
class Bar:
    label: str
    count: int
    percent: float  # of the people who answered the question
    y: int = 0

    @property
    def width(self) -> float:
        return round(self.percent, 1)


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (text, name or "") sorted by text
    mean: float | None = None

    @property
    def chart_height(self) -> int:
        return len(self.bars) * ROW_HEIGHT

    @property
    def summary(self) -> str:
        """A one-line text alternative of the chart."""
        if not self.bars:
            return ""
        parts = [f"{bar.label}: {bar.count} ({bar.percent:.0f} %)" for bar in self.bars]
        return f"{self.answered} answered. " + "; ".join(parts)


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def results(survey) -> dict:
    questions = list(survey.questions.order_by("order", "pk"))
    rows = Response.objects.filter(survey=survey)
    waiting = 0
    if survey.anonymous:
        stored = list(rows.values_list("answers", "released"))
        responses = [(answers, "") for answers, released in stored if released]
        waiting = len(stored) - len(responses)
        if not responses:
            return {"questions": [QuestionResult(question=q) for q in questions], "responses": 0,
                    "withheld": True, "waiting": waiting, "minimum": MIN_ANONYMOUS, **answer_counts(survey)}
    else:
        responses = [(answers, name or email) for answers, name, email in
                     rows.values_list("answers", "participant__user__full_name", "participant__user__email")]
    shown = []
    for question in questions:
        result = QuestionResult(question=question)
        values = [(answers.get(question.key), name) for answers, name in responses
                  if answers.get(question.key) not in (None, "", [])]
        result.answered = len(values)
        if question.kind == Question.Kind.TEXT:
            result.texts = sorted(((str(value), name) for value, name in values), key=lambda t: (t[0].casefold(), t[1]))
        else:
            choices = question.choice_list
            counts = dict.fromkeys(range(len(choices)), 0)
            for value, _name in values:
                if question.kind == Question.Kind.LIKERT:
                    picked = [int(value) - 1]
                elif question.kind == Question.Kind.SINGLE:
                    picked = [choices.index(value)] if value in choices else []
                else:
                    picked = [choices.index(v) for v in value if v in choices]
                for index in picked:
                    if index in counts:
                        counts[index] += 1
            result.bars = [Bar(label=(f"{i + 1} {label}" if question.kind == Question.Kind.LIKERT else label),
                               count=counts[i], percent=_percent(counts[i], result.answered),
                               y=i * ROW_HEIGHT)
                           for i, label in enumerate(choices)]
            if question.kind == Question.Kind.LIKERT and result.answered:
                result.mean = round(sum(int(v) for v, _ in values) / result.answered, 2)
        shown.append(result)
    return {"questions": shown, "responses": len(responses), "withheld": False, "waiting": waiting,
            "minimum": MIN_ANONYMOUS, **answer_counts(survey)}
