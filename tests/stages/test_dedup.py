from babelwire.stages.dedup import (
    DedupStage,
    NearDuplicateIndex,
    content_hash,
    shingles,
    signature,
)

TEXT = ("Heavy rain flooded the old town of Valencia on Tuesday night, and the regional "
        "government said twelve people had died. Rescue teams worked through the night "
        "to reach villages cut off by the river. The prime minister will visit on Thursday.")


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("T", TEXT) == content_hash("T", "  " + TEXT.upper().replace(",", ""))
    assert content_hash("T", TEXT) != content_hash("T", TEXT + " More.")


def test_cjk_text_uses_character_shingles():
    sh = shingles("台风袭击越南中部造成十二人死亡")
    assert all(len(s.decode()) == 4 for s in sh)
    assert len(sh) > 5


def test_syndicated_copy_is_found_and_unrelated_text_is_not():
    index = NearDuplicateIndex(threshold=0.8)
    stage = DedupStage(index)
    chash, sig = stage.fingerprint("Floods in Valencia", TEXT)
    first = stage.check(chash, sig, exact_id=None)
    assert first.duplicate_of is None
    stage.remember(1, first)

    copy_hash, copy_sig = stage.fingerprint("Floods in Valencia", TEXT + " (with agency reports)")
    copy = stage.check(copy_hash, copy_sig, exact_id=None)
    assert copy.duplicate_of == 1 and copy.reason == "near"
    assert copy.similarity is not None and copy.similarity >= 0.8

    other_hash, other_sig = stage.fingerprint(
        "Runoff in Peru", "Voters in Peru chose a new president in a tight runoff on Sunday.")
    assert stage.check(other_hash, other_sig, exact_id=None).duplicate_of is None


def test_exact_duplicate_wins_over_near_check():
    stage = DedupStage(NearDuplicateIndex())
    chash, sig = stage.fingerprint("x", TEXT)
    check = stage.check(chash, sig, exact_id=42)
    assert (check.duplicate_of, check.reason, check.similarity) == (42, "exact", 1.0)


def test_signatures_are_deterministic():
    assert signature(TEXT) == signature(TEXT)


def test_shared_permutations_give_the_signature_a_fresh_minhash_gives():
    """Signatures stored by earlier versions (each MinHash drawing its own permutations)
    stay comparable with the ones built from the permutations drawn once."""
    from datasketch import MinHash

    from babelwire.stages.dedup import NUM_PERM

    text = "Flooding closed the main rail line between the two cities on Tuesday."
    fresh = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32")
    fresh.update_batch(list(shingles(text)))
    assert signature(text) == tuple(int(x) for x in fresh.hashvalues)
    assert signature(text) == signature(text)  # the shared parameters are not changed by use


def _stored(days: dict[int, int]) -> tuple[dict[int, tuple[int, ...]], dict[int, object]]:
    """Signatures of distinct texts, one per id, each dated on its day of December 2026."""
    from datetime import UTC, datetime

    sigs = {aid: signature(" ".join(f"w{aid}n{i}" for i in range(60))) for aid in days}
    times = {aid: datetime(2026, 12, day, 12, tzinfo=UTC) for aid, day in days.items()}
    return sigs, times


def test_a_windowed_index_reads_only_the_days_around_an_article_and_lets_them_go():
    from datetime import timedelta

    sigs, times = _stored({1: 1, 2: 10, 3: 20})
    asked = []

    def source(since, until):
        asked.append(since)
        return [(aid, sigs[aid]) for aid, at in times.items() if since <= at < until]

    index = NearDuplicateIndex(threshold=0.8, source=source, keep_days=2)
    assert len(index) == 0  # nothing read before an article needs it
    match = index.best_match(sigs[2], times[2] + timedelta(days=1))
    assert match is not None and match[0] == 2
    assert len(index) == 1 and index.read == 1
    assert len(asked) == 5  # the article's day, two before and two after
    # an original 9 days away is out of the window: its copy stays an original
    assert index.best_match(sigs[1], times[2]) is None
    assert index.best_match(sigs[3], times[3]) is not None and len(index) == 2
    # held in memory is not enough: an original outside the article's window is no match
    assert index.best_match(sigs[2], times[3]) is None
    assert index.evict(times[3] - timedelta(days=2)) == 1  # day 10 goes, day 20 stays
    assert len(index) == 1
    asked.clear()
    assert index.best_match(sigs[2], times[2])[0] == 2  # read again when needed
    assert asked and index.read == 3


def test_an_index_without_a_source_keeps_everything():
    sigs, times = _stored({1: 1, 2: 20})
    index = NearDuplicateIndex(threshold=0.8)
    for aid, sig in sigs.items():
        index.add(aid, sig, times[aid])
    assert index.evict(times[2]) == 0 and len(index) == 2
    assert index.best_match(sigs[1], times[2])[0] == 1
    index.remove(1)
    assert index.best_match(sigs[1]) is None and len(index) == 1
