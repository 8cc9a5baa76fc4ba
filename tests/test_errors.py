"""The exception tree is written down in one module and every error descends from the base."""

from __future__ import annotations

import inspect

from babelwire import errors
from babelwire.web import auth, pagination, server, tokens


def test_every_error_is_a_babelwire_error_defined_in_errors():
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if c.__module__ == errors.__name__]
    assert len(classes) >= 15
    assert all(issubclass(c, errors.BabelwireError) for c in classes)
    assert issubclass(errors.CursorError, errors.QueryError)
    assert issubclass(errors.NotAuthenticated, errors.TokenError)
    assert issubclass(errors.NotAllowed, errors.TokenError)


def test_web_modules_raise_the_classes_from_errors():
    assert pagination.CursorError is errors.CursorError
    assert tokens.TokenError is errors.TokenError
    assert auth.NotAuthenticated is errors.NotAuthenticated
    assert auth.NotAllowed is errors.NotAllowed
    assert server.ServeError is errors.ServeError
