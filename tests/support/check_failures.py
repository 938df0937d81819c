"""The failures a Python check collects: each failed condition's message,
kept so that one run reports every failure, then printed with the exit code."""


class Failures(list):
    """The messages of the checks that failed, in the order they failed."""

    def check(self, condition, message):
        if not condition:
            self.append(message)

    def report(self):
        """Prints each failure; the check's exit code: 1 if any, else 0."""
        for message in self:
            print("FAIL:", message)
        return 1 if self else 0
