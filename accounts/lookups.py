"""``id__in`` with a number beyond the database's integer range matches nothing instead of failing.

Ticked boxes and admin actions send ids as typed (``cases=99999999999999999999`` in a forged or mangled form);
SQLite then raises OverflowError and PostgreSQL a DataError: a 500. Django's own ``exact``, ``lt`` and ``gt`` on
integer fields already treat such a number as matching nothing (``IntegerFieldOverflow``); ``in`` does not.
"""

from __future__ import annotations

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [value for value in self.rhs
                        if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))]
        return super().process_rhs(compiler, connection)
