"""``db.tables`` (the Core clauses 今日 reads at start, without the ORM) names every column as the
models declare it: same table, same column, same type. A model that renames or retypes a column
fails here instead of leaving the first view reading a column that is gone."""

from __future__ import annotations

from oroshi_desktop.db import models, tables


def test_every_clause_column_is_the_models_column():
    for clause in tables.ALL:
        model_table = models.Base.metadata.tables[clause.name]
        for column in clause.c:
            assert column.name in model_table.c, f"{clause.name}.{column.name}"
            declared = model_table.c[column.name].type
            assert type(column.type) is type(declared), f"{clause.name}.{column.name}"
            assert repr(column.type) == repr(declared), f"{clause.name}.{column.name}"
            assert column.type._variant_mapping == declared._variant_mapping, f"{clause.name}.{column.name}"
