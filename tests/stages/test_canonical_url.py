from babelwire.stages.canonical_url import canonical_url, is_tracking_parameter


def test_tracking_parameters_fragment_and_case_are_removed():
    url = "HTTPS://WWW.Example.com:443/World/Story/?utm_source=x&id=7&fbclid=abc&a=1#top"
    assert canonical_url(url) == "https://example.com/World/Story?a=1&id=7"


def test_http_and_https_spell_the_same_article():
    assert canonical_url("http://example.com/a") == canonical_url("https://example.com/a")


def test_non_default_port_is_kept_and_files_pass_through():
    assert canonical_url("http://127.0.0.1:8080/feed.xml") == "https://127.0.0.1:8080/feed.xml"
    assert canonical_url("/tmp/a.html") == "/tmp/a.html"


def test_tracking_parameter_names():
    assert is_tracking_parameter("utm_campaign")
    assert is_tracking_parameter("GCLID")
    assert not is_tracking_parameter("id")
