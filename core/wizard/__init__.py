"""The wizard's logic, one module a job; import each name from the module that owns it.

- questions: the catalogue (every question, its kind, wording and choices);
- route: which questions a situation needs, in which order;
- answers: how each kind of answer is written, read and checked (MoneyAnswer, dates);
- case: how the answers become a case, and a link's answers are read back.
"""
