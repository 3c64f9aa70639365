"""Secrets in URLs and settings keys are found wherever a driver would take them, and never echoed."""

from __future__ import annotations

import pytest

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.errors import ConfigError, DatabaseUnavailable
from oroshi_desktop.urls import (
    HostNameProblem,
    ascii_host,
    is_secret_key,
    redact_url,
    secret_keys,
    url_secret,
)

SECRET = "Zq7-very-secret"


@pytest.mark.parametrize("url", [
    f"postgresql://clerk:{SECRET}@db.office/oroshi",
    f"postgresql://clerk@db.office/oroshi?password={SECRET}",
    f"postgresql://clerk@db.office/oroshi?sslmode=require&PASSWORD={SECRET}",
    f"postgresql://clerk@db.office/oroshi?sslpassword={SECRET}",
    f"redis://:{SECRET}@queue.office:6379/0",
    f"redis://queue.office:6379/0?password={SECRET}",
])
def test_every_place_a_driver_takes_a_password_is_found_and_masked(url):
    assert url_secret(url) is not None
    assert SECRET not in redact_url(url)
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(url)
    assert SECRET not in str(caught.value) and SECRET not in caught.value.message_ja


@pytest.mark.parametrize("url", [
    "postgresql://clerk@db.office:5432/oroshi?sslmode=verify-full&sslrootcert=/etc/ca.pem",
    "postgresql://clerk@db.office/oroshi?sslcert=client.crt&sslkey=client.key",
    "redis://queue.office:6379/0", "sqlite:///C:/Users/clerk/oroshi.sqlite3",
])
def test_urls_without_secrets_pass_and_keep_their_options(url):
    assert url_secret(url) is None
    assert redact_url(url) == url


@pytest.mark.parametrize("key", ["password", "Password", "PASS", "passwd", "pwd", "smtp_password",
                                 "db-password", "secret", "api_token"])
def test_keys_that_mean_a_password(key):
    assert is_secret_key(key)


@pytest.mark.parametrize("key", ["passive", "compass", "host", "username", "port", "bypass_proxy"])
def test_keys_that_do_not(key):
    assert not is_secret_key(key)


def test_nested_secret_keys_are_named():
    data = {"smtp": {"host": "mail", "auth": {"password": "x"}, "Pass": "y"}, "items": [{"token": 1}]}
    assert sorted(secret_keys(data)) == ["items.token", "smtp.Pass", "smtp.auth.password"]


def test_settings_refuse_a_password_anywhere(_isolated_home):
    settings = load_settings()
    settings.paths.ensure()
    settings.paths.settings_file.write_text(f'[smtp]\nhost = "mail"\n[smtp.auth]\nPassword = "{SECRET}"\n',
                                            encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "smtp.auth.Password" in str(caught.value) and SECRET not in str(caught.value)


def test_environment_urls_with_a_password_are_refused(_isolated_home, monkeypatch):
    monkeypatch.setenv("OROSHI_QUEUE_URL", f"redis://:{SECRET}@queue:6379/0")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert "queue_url" in str(caught.value) and SECRET not in str(caught.value)
    monkeypatch.delenv("OROSHI_QUEUE_URL")
    monkeypatch.setenv("OROSHI_DATABASE_URL", f"postgresql://u@h/db?password={SECRET}")
    with pytest.raises(ConfigError):
        load_settings()


@pytest.mark.parametrize("url", ["postgresql://clerk@db.office:abc/oroshi", "redis://queue:99999/0",
                                 "postgresql://clerk@db.office:0/oroshi"])
def test_a_port_that_is_not_a_port_is_named(url):
    from oroshi_desktop.urls import url_port_problem

    assert "port" in url_port_problem(url)


def test_ordinary_ports_pass():
    from oroshi_desktop.urls import url_port_problem

    assert url_port_problem("postgresql://clerk@db.office:5432/oroshi") is None
    assert url_port_problem("sqlite:///C:/data/oroshi.sqlite3") is None


@pytest.mark.parametrize(("host", "kind"), [("", "empty"), ("smtp\x00.example.jp", "control"),
                                            ("smtp\n.example.jp", "control"), ("smtp example.jp", "space"),
                                            ("a" * 254, "length"), ("例え" + "\u3000" + ".jp", "space"),
                                            ("xn--" + "例" * 70 + ".jp", "idna")])
def test_a_host_name_that_cannot_be_used_is_refused_with_its_kind(host, kind):
    with pytest.raises(HostNameProblem) as info:
        ascii_host(host)
    assert info.value.kind == kind


def test_host_names_and_addresses_in_any_script_are_converted_to_ascii():
    assert ascii_host("smtp.example.jp") == "smtp.example.jp"
    assert ascii_host("192.0.2.1") == "192.0.2.1"
    assert ascii_host("例え.jp") == "xn--r8jz45g.jp"


@pytest.mark.parametrize("url", [
    "sqlite:///office.sqlite3", "sqlite:////var/lib/oroshi/oroshi.sqlite3", "sqlite://",
    "postgresql://office@db.example.jp:5432/oroshi", "postgresql+psycopg://office@[::1]/oroshi",
    "postgresql://office@db/oro%20shi?sslmode=require", "postgresql:///oroshi",
])
def test_the_one_database_url_check_reads_a_url_as_sqlalchemy_does(url):
    from sqlalchemy.engine import make_url

    from oroshi_desktop.urls import database_url

    ours, theirs = database_url(url), make_url(url)
    assert (ours.backend, ours.username, ours.host, ours.port, ours.database) == (
        theirs.get_backend_name(), theirs.username or "", theirs.host or "", theirs.port, theirs.database or "")


@pytest.mark.parametrize(("url", "kind"), [
    ("postgresql://office:pw@db/oroshi", "secret"), ("postgresql://office@db/oroshi?password=pw", "secret"),
    ("mysql://office@db/oroshi", "backend"), ("postgres://office@db/oroshi", "backend"),
    ("not a url", "format"), ("postgresql://office@db:0/oroshi", "port"),
    ("postgresql://office@db:abc/oroshi", "port"), ("postgresql://office@db:70000/oroshi", "port"),
])
def test_the_one_database_url_check_names_what_is_wrong(url, kind):
    from oroshi_desktop.urls import DatabaseUrlProblem, database_url

    with pytest.raises(DatabaseUrlProblem) as info:
        database_url(url)
    assert info.value.kind == kind and "pw" not in str(info.value)
