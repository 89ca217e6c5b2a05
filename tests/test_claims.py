"""Attributed claims (reported speech) on hand-written sentences."""
from __future__ import annotations

from summitcli.claims import claims_in_text

from text_helpers import one_claim as _one


def test_that_clause_includes_that_and_stops_at_sentence_end():
    text = "The mayor spoke at noon. Anna Kowalski insisted that the bridge would reopen in May. Traffic was light."
    c = _one(text, "insisted")
    assert c.text == "that the bridge would reopen in May"
    assert c.speaker == "Anna Kowalski" and c.speaker_mention == "Anna Kowalski"
    assert not c.hedged and c.rule


def test_according_to_a_survey_by_an_organisation():
    text = "According to a survey by Vox Populi, 79 percent of voters back the new tram line."
    c = _one(text, "according to")
    assert c.text == "79 percent of voters back the new tram line"
    assert c.speaker_mention == "a survey by Vox Populi" and c.speaker == "Vox Populi"


def test_according_to_after_the_content():
    text = "The plant will close in March, according to the union."
    c = _one(text, "according to")
    assert c.text == "The plant will close in March"
    assert c.speaker_mention == "the union"


def test_bare_reported_clause_without_that():
    text = "Chancellor Greta Lind said Moreau largely shared the allies' views on the treaty."
    c = _one(text, "said")
    assert c.text == "Moreau largely shared the allies' views on the treaty"
    assert c.speaker == "Greta Lind"


def test_content_before_postposed_attribution():
    text = "The harbour talks went well and will resume next week, Pierre Moreau told reporters on Friday."
    c = _one(text, "told")
    assert c.text == "The harbour talks went well and will resume next week"
    assert c.speaker_mention == "Pierre Moreau"


def test_listener_and_time_are_skipped_before_the_clause():
    text = "Ministers met in Oslo. Pierre Moreau told reporters on Tuesday that the deal was close."
    c = _one(text, "told")
    assert c.text == "that the deal was close"


def test_hedged_claims():
    c = _one("The minister reportedly met the envoy twice in Geneva.", "reportedly")
    assert c.hedged and c.speaker is None
    assert "met the envoy twice in Geneva" in c.text
    c = _one("The minister reportedly wants a second summit in Geneva.", "wants")
    assert c.hedged and c.speaker_mention == "The minister" and c.text == "a second summit in Geneva"
    c = _one("Anna Kowalski reportedly told aides that she would resign.", "told")
    assert c.hedged and c.text == "that she would resign"
    c = _one("The envoy is said to favour a quick compromise.", "is said to")
    assert c.hedged


def test_quoted_fragment_inside_a_claim_links_to_its_quote():
    text = "Anna Kowalski said that the reform was “a historic step” for the region."
    claims = claims_in_text(text, source="t")
    c = next(c for c in claims if c.cue == "said")
    assert c.text == "that the reform was “a historic step” for the region"
    assert len(c.quotes) == 1 and c.quotes[0].startswith("t:q")


def test_a_plain_quotation_is_not_a_claim():
    text = "“We will build the bridge,” Anna Kowalski said."
    assert claims_in_text(text) == []


def test_the_authors_own_assertion_is_not_a_claim():
    text = "The bridge was built in 1931. It carries four lanes of traffic over the river."
    assert claims_in_text(text) == []


def test_pronoun_speaker_resolves_to_the_person_named_before():
    text = "Pierre Moreau arrived late. He warned that the budget would not pass."
    c = _one(text, "warned")
    assert c.speaker_mention == "He"
    assert c.speaker == "Pierre Moreau"
    assert c.text == "that the budget would not pass"


def test_coordinated_claims_are_split_at_the_second_cue():
    text = "Anna Kowalski said the vote was fair, adding that the count would be published."
    claims = claims_in_text(text)
    said = next(c for c in claims if c.cue == "said")
    adding = next(c for c in claims if c.cue == "adding")
    assert said.text == "the vote was fair"
    assert adding.text == "that the count would be published"


def test_as_x_put_it():
    c = _one("As one diplomat put it, the summit was a win for the host.", "As one diplomat put it")
    assert c.text == "the summit was a win for the host"


def test_ids_are_in_document_order_with_the_source():
    text = ("Anna Kowalski said the port would reopen. "
            "Pierre Moreau argued that the tolls were too high.")
    claims = claims_in_text(text, source="007")
    assert [c.id for c in claims] == ["007:c1", "007:c2"]
    assert claims[0].start < claims[1].start


def test_hostile_text_stays_fast_and_exact():
    text = ("He said that " + "very " * 20000 + "long. ") * 3 + "“" * 5000
    claims = claims_in_text(text)
    assert all(text[c.start:c.end] == c.text for c in claims)


def test_headline_name_and_colon():
    text = "Kowalski: The bridge will reopen in May\n\nThe mayor's office confirmed the date."
    c = _one(text, ":")
    assert c.text == "The bridge will reopen in May"
    assert c.speaker_mention == "Kowalski" and c.rule == "name-colon"


def test_a_label_with_a_colon_is_not_a_speaker():
    assert [c for c in claims_in_text("Note: the figures were revised on Monday.") if c.cue == ":"] == []


def test_participle_after_a_quotation_keeps_its_own_content():
    text = "“The law left out the utilities,” Anna Kowalski said, referring to the big state-owned firms."
    claims = claims_in_text(text)
    assert [c.cue for c in claims] == ["referring to"]
    assert claims[0].text == "the big state-owned firms"
    assert claims[0].speaker == "Anna Kowalski"


def test_boilerplate_ranges_are_skipped():
    text = "Subscribe now, our editors said you would love it.\nAnna Kowalski said the port would reopen soon."
    cut = text.index("\n")
    claims = claims_in_text(text, skip=[(0, cut)])
    assert [c.speaker for c in claims] == ["Anna Kowalski"]
    assert claims[0].start > cut


def test_quote_ids_come_from_the_records_passed_in():
    from summitcli.quotes import quotes_in_text

    text = "Pierre Moreau argued that the tolls were “simply too high” for local drivers."
    quotes = quotes_in_text(text, "x", ())
    claims = claims_in_text(text, "x", (), quotes)
    c = next(c for c in claims if c.cue == "argued")
    assert c.quotes == tuple(q.id for q in quotes if c.start <= q.start and q.end <= c.end)
    assert c.quotes


def test_hedged_passive_keeps_its_subject_and_predicate():
    text = "The envoy, left out of the talks, is expected to call the president on Monday."
    c = _one(text, "is expected to")
    assert c.hedged and c.speaker is None
    assert c.text == "The envoy, left out of the talks, is expected to call the president on Monday"


def test_quote_after_a_verb_with_a_trailing_participle_is_left_to_the_quote():
    text = "Yet she candidly admitted, “We did not get there,” referencing the missed deadline."
    assert "admitted" not in [c.cue for c in claims_in_text(text)]


def test_group_subject_without_a_name_is_still_the_speaker_mention():
    text = "Among likely voters, about two-thirds, 61 percent, say they will back the levy."
    c = _one(text, "say")
    assert c.text == "they will back the levy"
    assert c.speaker_mention == "61 percent"


def test_poll_subject_reads_an_ambiguous_form_as_a_verb():
    text = "The library reopened last week. After the flood the council spent two million on repairs, records show."
    c = _one(text, "show")
    assert c.text == "After the flood the council spent two million on repairs"
    assert c.speaker_mention == "records"


def test_progressive_and_intention_verbs():
    c = _one("Councillor Brandt is calling for the depot to close at night.", "calling for")
    assert c.text == "the depot to close at night"
    c = _one("The Harbour Trust also plans to repaint the lighthouse.", "plans")
    assert c.text == "to repaint the lighthouse"
    assert c.speaker_mention.endswith("Harbour Trust")


def test_object_content_stops_before_a_time_phrase():
    c = _one("The union endorsed Maria Lind last week and has campaigned for her since.", "endorsed")
    assert c.text == "Maria Lind"


def test_told_at_sentence_end_is_a_postposed_attribution():
    text = "The county had followed the usual practice, she told the court in her filing."
    c = _one(text, "told")
    assert c.text == "The county had followed the usual practice"
    assert c.speaker_mention == "she"


def test_relative_clause_content_starts_at_the_pronoun():
    text = "The new fares, which officials said will apply from June, were criticised."
    c = _one(text, "said")
    assert c.text.startswith("which") and c.text.endswith("will apply from June")


def test_possessor_of_a_position_noun_speaks():
    c = _one("Olsen's opposition to the toll road was no secret.", "opposition to")
    assert c.text == "the toll road"
    assert c.speaker_mention == "Olsen"


def test_nested_report_is_carried_by_the_outer_claim():
    text = "The inspector noted that the builder had admitted cutting corners on the roof."
    found = claims_in_text(text)
    assert [(c.cue, c.text) for c in found] == [
        ("noted", "that the builder had admitted cutting corners on the roof")]


def test_title_case_headline_verbs_and_headline_labels():
    c = _one("Mayor Says New Bridge Will Open In May\nThe mayor spoke on Monday.", "Says")
    assert c.text == "New Bridge Will Open In May" and c.speaker_mention == "Mayor"
    c = _one("Poll: Tram Line Wins Broad Support\nA survey of 900 residents was published.", ":")
    assert c.text == "Tram Line Wins Broad Support" and c.speaker_mention == "Poll"


def test_survey_found_takes_a_bare_clause():
    c = _one("The April survey found the incumbent leading by seven points.", "found")
    assert c.text == "the incumbent leading by seven points"


def test_but_that_continues_the_reported_clause():
    c = _one("The mayor said that the plan was costly, but that it would pay off.", "said")
    assert c.text == "that the plan was costly, but that it would pay off"


def test_even_as_clause_stops_before_the_authors_main_clause():
    c = _one("Even as he has repeatedly said that he opposes new tolls, his office drafted one.", "said")
    assert c.text == "that he opposes new tolls"


def test_interrupting_attribution_keeps_both_halves():
    c = _one("It was, she said, one of the worst floods in memory.", "said")
    assert c.text == "It was, she said, one of the worst floods in memory"
    c = _one("The plant was sold for $35 million in 2011, records show, and analysts say it is worth less.", "show")
    assert c.text == "The plant was sold for $35 million in 2011"


def test_participle_takes_the_subject_that_opens_the_sentence():
    text = "At a rally in Dover, Mr. Lee was just as blunt, claiming without evidence that the count was rigged."
    c = _one(text, "claiming")
    assert c.text == "that the count was rigged"
    assert c.speaker_mention == "Mr. Lee"


def test_poll_that_opens_the_sentence_vouches_for_the_clause():
    c = _one("In a county poll released Monday, 41 percent of residents back the levy.", "In")
    assert c.text == "41 percent of residents back the levy"
    assert c.speaker_mention == "a county poll released Monday"


def test_sentence_initial_participle_clause_stops_at_the_main_clause():
    c = _one("Recalling the defeat of 2012, the party began its spending early.", "Recalling")
    assert c.text == "the defeat of 2012"


def test_it_is_clear_is_the_authors_assertion():
    assert claims_in_text("It is clear that the council has no plan to quit.") == []


def test_fallback_subject_skips_parentheticals():
    c = _one("Some engineers - including two on the board - warn that the dam is too old.", "warn")
    assert c.speaker_mention == "Some engineers"
    c = _one("After thanking the crowd, she pledged to keep the clinic open.", "thanking")
    assert c.speaker_mention == "she"


def test_contracted_subjects_and_possessive_groups():
    c = _one("He’s comparing the new levy to the earlier one.", "comparing")
    assert c.text == "the new levy to the earlier one"
    c = _one("Meanwhile, his team believes that the rural vote may be decisive.", "believes")
    assert c.text == "that the rural vote may be decisive" and c.speaker_mention.endswith("team")


def test_believe_in_takes_an_object():
    c = _one("Even so, most residents still believe in the tram plan.", "believe in")
    assert c.text == "the tram plan"


def test_lexicon_entries_are_words_not_yaml_booleans():
    from summitcli.claim_text import _lexicon

    lex = _lexicon()
    assert "on" in lex.object_nouns["attacks"] and "on" in lex.adjectives["bullish"]
    assert all(isinstance(p, str) for ps in lex.object_nouns.values() for p in ps)
    assert all(isinstance(p, str) for ps in lex.adjectives.values() for p in ps)


def test_want_and_expect_take_an_object_and_a_to_clause():
    c = _one("The county doesn’t expect the two mayors to appear together.", "expect")
    assert c.text == "the two mayors to appear together"
    c = _one("They want a new ferry schedule.", "want")
    assert c.text == "a new ferry schedule"


def test_relative_clause_verb_is_not_a_postposed_attribution():
    text = "Most graduates return to work at the Harbour Trust, which advises the port."
    assert [c for c in claims_in_text(text) if c.cue == "advises"] == []


def test_inverted_speaker_with_a_relative_clause():
    text = "The harbour is within reach, said a group of pilots who point to the new radar."
    c = _one(text, "said")
    assert c.text == "The harbour is within reach"
    assert c.speaker_mention.startswith("a group of pilots")


def test_durations_and_dash_asides_before_the_content():
    c = _one("Lee has said for weeks he is the only candidate who can win.", "said")
    assert c.text == "he is the only candidate who can win"
    c = _one("Ortiz said — on the radio, as it happens — that the ferry would run.", "said")
    assert c.text == "that the ferry would run"
    c = _one("A member of the board, Kim Park, told the Herald she was leaning toward Lee.", "told")
    assert c.text == "she was leaning toward Lee"


def test_short_pro_form_contents_and_fronted_time_phrases():
    c = _one("Asked if the count was fair, 46 percent of voters said yes.", "said")
    assert c.text == "yes"
    c = _one("Last month, 26 percent said the same.", "said")
    assert c.text == "the same" and c.speaker_mention == "26 percent"
    c = _one("The plan, said Lee, is doomed.", "said")
    assert c.text == "The plan, said Lee, is doomed"


def test_noun_and_adjective_uses_of_cue_forms_are_not_reports():
    for text in ("Here are four reasons the levy should fail.",
                 "The mayor leads 1,428 to 1,153 in pledged delegates.",
                 "The extra money would show up in their paychecks.",
                 "Of the charges, which the firm denies, the talk of a strike ended."):
        assert claims_in_text(text) == [], text


def test_fallback_subject_skips_adverbs_and_comma_asides():
    c = _one("Harbour pilots in Dover, for instance, noted that the channel silted up.", "noted")
    assert c.speaker_mention == "Harbour pilots in Dover"
    c = _one("His two rivals have both urged voters to stay home.", "urged")
    assert c.speaker_mention == "His two rivals"


def test_asides_between_subject_and_verb():
    c = _one("Two past floods, a century apart, suggest both the risk and the remedy.", "suggest")
    assert c.speaker_mention == "Two past floods" and c.text == "both the risk and the remedy"
    c = _one("Gore’s friends and allies have in the past said he would not run.", "said")
    assert c.speaker_mention.endswith("allies")


def test_by_participle_clause_and_its_subject():
    c = _one("By proposing lower fares, Mayor Lind deftly courts the commuters.", "proposing")
    assert c.text == "lower fares" and c.speaker_mention == "Mayor Lind"


def test_a_fronted_subordinate_clause_leaves_the_main_clause_to_the_author():
    text = ("Years after Mayor Ilse Brandt claimed that the tunnel would pay for itself, the city "
            "raised fares again. While she’s said the tolls are fair, she’s also cut the budget.")
    assert _one(text, "claimed").text == "that the tunnel would pay for itself"
    assert _one(text, "said").text == "the tolls are fair"


def test_a_stance_adjective_after_a_degree_word_keeps_the_subject_of_the_linking_verb():
    text = "After the vote, Mayor Ilse Brandt appeared more convinced that the tunnel would open."
    c = _one(text, "convinced")
    assert c.speaker_mention == "Mayor Ilse Brandt"
    assert c.text == "that the tunnel would open"


def test_the_authors_own_gerund_opener_is_not_a_source():
    text = "In concluding this analysis, it is worth recalling the budget of 1998."
    assert claims_in_text(text) == []


def test_a_noun_cue_that_also_starts_a_multi_word_verb_cue_still_triggers():
    # "point" starts "point to" / "point out" and is also a cue noun on its own
    c = _one("Brandt’s point that the tunnel was late.", "point")
    assert c.text == "that the tunnel was late"


def test_a_cue_inside_a_fronted_clause_stops_at_its_comma():
    text = "As the ministers said their goodbyes, at least three towns lost power."
    assert [c.text for c in claims_in_text(text)] == []  # not "their goodbyes, at least three towns ..."
    text2 = "Before the vote, Mayor Ilse Brandt said that the tunnel, if built, would pay for itself."
    assert _one(text2, "said").text == "that the tunnel, if built, would pay for itself"


def test_a_prepositional_venue_phrase_before_that_is_skipped():
    text = "Mayor Ilse Brandt said in a long radio conversation with farmers that the tunnel was late."
    c = _one(text, "said")
    assert c.text == "that the tunnel was late"
    assert c.speaker_mention == "Mayor Ilse Brandt"


def test_a_participle_after_a_plural_noun_reports_that_nouns_stance():
    text = "Two farm unions backing the tunnel scheme launched radio ads."
    c = _one(text, "backing")
    assert c.text == "the tunnel scheme"
    assert c.speaker_mention == "Two farm unions"


def test_content_stops_before_an_authors_coordinated_clause_with_a_noun_subject():
    text = "Mayor Ilse Brandt said the tunnel would open in May, and the city council has approved the fares."
    assert _one(text, "said").text == "the tunnel would open in May"


def test_looking_at_or_relying_on_something_reports_nothing():
    text = "Mayor Ilse Brandt will look at the tunnel budget. The council relies on toll revenue."
    assert claims_in_text(text) == []


def test_a_naming_participle_after_an_indefinite_object_reports_nothing():
    text = "The farmers launched a campaign called Rails for Valleys. The so called tram tax failed."
    assert claims_in_text(text) == []
    c = _one("Mayor Ilse Brandt called the tram tax a mistake.", "called")
    assert c.speaker_mention == "Mayor Ilse Brandt"


def test_an_object_inside_a_relative_clause_stops_at_the_main_verb():
    c = _one("Farmers who oppose the tram tax have marched on the city hall.", "oppose")
    assert c.text == "the tram tax"


def test_a_that_clause_goes_on_past_a_comma_that_comes_before_its_verb():
    text = "Local radio reported that during the mayor’s visit to Bonn last week, the envoy left early."
    assert _one(text, "reported").text == "that during the mayor’s visit to Bonn last week, the envoy left early"
    text2 = "Mayor Ilse Brandt said that the tunnel, which opened in May, was late."
    assert _one(text2, "said").text == "that the tunnel, which opened in May, was late"


def test_a_fronted_adjunct_before_the_subject_is_not_postposed_content():
    text = "Back at the depot after the long night, Mayor Ilse Brandt wrote to the union."
    assert claims_in_text(text) == []
    assert _one("In May, the tunnel was late, Mayor Ilse Brandt said.", "said").text == "In May, the tunnel was late"


def test_a_contrast_with_while_stays_in_the_content_but_a_while_participle_does_not():
    text = "Mayor Ilse Brandt said 40 percent of riders backed the tram while 30 percent preferred buses."
    assert _one(text, "said").text == "40 percent of riders backed the tram while 30 percent preferred buses"
    text2 = "Mayor Ilse Brandt defended the tram tax while praising the depot workers."
    assert _one(text2, "defended").text == "the tram tax"


def test_a_concession_or_a_whose_aside_stays_in_the_content():
    text = "Mayor Ilse Brandt said the tunnel would open in May, although the fares were not yet set."
    assert _one(text, "said").text == "the tunnel would open in May, although the fares were not yet set"
    text2 = "Mayor Ilse Brandt praised Otto Lind, whose crews dug the tunnel, for the early finish."
    assert _one(text2, "praised").text == "Otto Lind, whose crews dug the tunnel, for the early finish"


def test_supposed_to_is_an_obligation_not_a_hedge():
    assert claims_in_text("The tram was supposed to open in May, but the tunnel flooded.") == []


def test_a_time_clause_after_a_short_object_is_not_part_of_it():
    text = "Councillor Omar Haddad backed the levy when the budget came to a vote."
    assert _one(text, "backed").text == "the levy"
    text2 = "Councillor Omar Haddad praised the long cold winters of his youth when the harbour froze."
    assert _one(text2, "praised").text == "the long cold winters of his youth when the harbour froze"


def test_a_place_or_time_phrase_after_a_named_object_is_not_part_of_it():
    text = "The dockers' union endorsed Omar Haddad in March and campaigned for him."
    assert _one(text, "endorsed").text == "Omar Haddad"
    text2 = "Councillor Omar Haddad mocked them from the podium."
    assert _one(text2, "mocked").text == "them"
    text3 = "Councillor Omar Haddad endorsed a ban in the harbour."
    assert _one(text3, "endorsed").text == "a ban in the harbour"


def test_a_noun_phrase_after_a_clause_verb_stops_before_a_time_or_venue_adjunct():
    text = "Councillor Omar Haddad repeated his objection on Tuesday at the harbour meeting."
    assert _one(text, "repeated").text == "his objection"
    text2 = "Councillor Omar Haddad repeated the levy was unfair on Tuesday."
    assert _one(text2, "repeated").text == "the levy was unfair on Tuesday"


def test_a_title_case_headline_is_not_read_as_a_name_before_an_adjunct():
    text = "Harbour Board Praises Ferry Plans With New Docks"
    assert _one(text, "praises").text == "Ferry Plans With New Docks"


def test_a_second_report_after_comma_and_with_a_long_subject_is_its_own_claim():
    text = ("Most of the ferry riders said the fares were too high, and nearly two out of three commuters "
            "said the trams were late.")
    texts = sorted(c.text for c in claims_in_text(text))
    assert texts == ["the fares were too high", "the trams were late"]


def test_but_with_a_past_tense_verb_and_no_new_subject_goes_on_with_the_report():
    text = "Councillor Omar Haddad said the ferry timetable was fair, but required riders to book ahead."
    assert _one(text, "said").text == "the ferry timetable was fair, but required riders to book ahead"
    text2 = "Councillor Omar Haddad said the ferry timetable was fair, but the union disagreed."
    assert _one(text2, "said").text == "the ferry timetable was fair"


def test_a_stance_noun_followed_by_among_or_a_verb_is_no_report():
    assert claims_in_text("The mayor enjoys the strongest support among ferry riders.") == []
    assert claims_in_text("Among ferry riders, his support is as strong as ever.") == []
    assert claims_in_text("Rights advocates have been angry for weeks.") == []


def test_a_relative_or_participle_aside_on_the_reported_subject_stays_in_the_content():
    text = "Harbour workers said the levy, which took effect in May, hurts small firms."
    assert _one(text, "said").text == "the levy, which took effect in May, hurts small firms"
    text2 = "The port authority says the crowd, numbering 4,000 people, blocked the quay."
    assert _one(text2, "says").text == "the crowd, numbering 4,000 people, blocked the quay"
    text3 = "Councillor Omar Haddad echoed the mayor's plan, saying the ferry needs new boats, a view the union shares."
    assert _one(text3, "echoed").text == "the mayor's plan"


def test_as_reported_by_names_the_source_before_or_after_the_content():
    c = _one("As reported by the Harbour Gazette, the ferry will stop running in May.", "As reported by")
    assert c.text == "the ferry will stop running in May" and c.speaker_mention == "the Harbour Gazette"
    c2 = _one("The ferry will stop running in May, as noted by Omar Haddad on Monday.", "as noted by")
    assert c2.text == "The ferry will stop running in May" and c2.speaker_mention == "Omar Haddad"


def test_a_participle_after_a_dash_reports_for_the_subject_of_the_sentence():
    for dash in ("–", "—", "-"):
        text = f"Councillor Omar Haddad changed his mind {dash} saying the ferry should run all night."
        c = _one(text, "saying")
        assert c.text == "the ferry should run all night"
        assert c.speaker_mention == "Councillor Omar Haddad"


def test_a_possessive_pronoun_before_a_stance_noun_gives_way_to_the_subject_of_the_verb():
    c = _one("Councillor Omar Haddad renewed his call for a new ferry.", "call for")
    assert c.text == "a new ferry" and c.speaker_mention == "Councillor Omar Haddad"
    c2 = _one("The ferry is late, and in the council his call for a new ferry got nowhere.", "call for")
    assert c2.speaker_mention == "his"


def test_a_fronted_time_phrase_is_not_the_subject_a_participle_reports_for():
    c = _one("The day before, Councillor Omar Haddad was blunt, claiming the ferry was unsafe.", "claiming")
    assert c.speaker_mention == "Councillor Omar Haddad"
    c2 = _one("Two weeks later, the mayor was blunt, claiming the ferry was unsafe.", "claiming")
    assert c2.speaker_mention == "the mayor"


def test_with_a_subject_and_a_participle_is_a_report_by_that_subject():
    c = _one("Riders were split, with 40 percent saying the fares are too high.", "saying")
    assert c.text == "the fares are too high" and c.speaker_mention == "40 percent"
    c2 = _one("The race is close, with two new polls showing the mayor ahead.", "showing")
    assert c2.text == "the mayor ahead" and c2.speaker_mention == "two new polls"


def test_seeing_or_viewing_something_as_something_reports_a_view():
    c = _one("Harbour workers see the levy as a tax on the poor.", "see")
    assert c.text == "the levy as a tax on the poor" and c.speaker_mention == "Harbour workers"
    assert _one("The mayor thought of the ferry as a lifeline.", "thought of").text == "the ferry as a lifeline"
    assert claims_in_text("Harbour workers saw the ferry arrive late.") == []


def test_a_to_clause_stops_before_a_comma_adjunct_clause_or_a_second_predicate():
    text = "Councillor Omar Haddad vowed to save the ferry, though the money ran out in May."
    assert _one(text, "vowed").text == "to save the ferry"
    text2 = "A harbour official, who declined to be named, said the quay was unsafe."
    assert _one(text2, "declined").text == "to be named"
    text3 = "The pilot, who refused to sail and is now on leave, was praised."
    assert _one(text3, "refused").text == "to sail"


def test_a_to_clause_in_a_relative_clause_stops_before_the_main_verb():
    text = "The mayor who repeatedly vowed to rebuild the quay has done little since."
    assert _one(text, "vowed").text == "to rebuild the quay"


def test_a_fronted_participle_phrase_is_not_postposed_content():
    assert claims_in_text("Looking back on the long winter, Mayor Ilse Brandt wrote to the union.") == []


def test_a_stance_noun_that_is_the_subject_stops_its_to_clause_before_the_main_verb():
    c = _one("Her plan to close the quay is a mistake.", "plan to")
    assert c.text == "to close the quay" and c.speaker_mention == "Her"


def test_a_clock_time_colon_does_not_open_content():
    text = "The ferry skipper posted on May 3 at 4:01 PM that the quay was shut."
    assert all(not c.text.startswith("01") for c in claims_in_text(text))


def test_a_headline_name_to_listener_colon_is_a_claim_by_the_name():
    c = _one("Haddad to Harbour Pilots: The Quay Will Reopen In May\nThe harbour was quiet.", ":")
    assert c.text == "The Quay Will Reopen In May" and c.speaker_mention == "Haddad"


def test_a_poll_named_at_the_end_of_the_sentence_vouches_for_the_clause_before_it():
    c = _one("The ferry levy is losing support in the latest harbour survey released Monday.", "in")
    assert c.text == "The ferry levy is losing support" and c.speaker_mention == "the latest harbour survey released Monday"
    text2 = "The ferry levy is losing support in the latest survey and the council is worried."
    assert all(c.cue != "in" for c in claims_in_text(text2))


def test_according_to_after_two_reported_clauses_takes_the_last_one():
    text = ("The pilot met the mayor on Monday, as the Harbour Gazette reported, and he will lead the new "
            "ferry crew, according to two officials.")
    assert _one(text, "according to").text == "he will lead the new ferry crew"
    assert _one(text, "as the Harbour Gazette reported").text == "The pilot met the mayor on Monday"


def test_vote_for_needs_a_subject_and_a_negated_be_makes_a_passive():
    assert claims_in_text("The harbour board had the deciding vote for the levy.") == []
    c = _one("Most voters would rather vote for the levy than for the toll.", "vote for")
    assert c.text.startswith("the levy") and c.speaker_mention == "Most voters"
    assert all(c.cue != "expected" for c in claims_in_text("The mayor isn't expected to attend the launch."))


def test_campaign_for_is_a_noun_without_a_subject():
    assert claims_in_text("Her bombing campaign against the rebels began in May.") == []
    assert _one("Omar Haddad will campaign for the levy.", "campaign for").text == "the levy"


def test_a_named_thing_with_a_capitalised_modifier_is_not_a_report():
    assert claims_in_text("The pilots set up a Facebook group called Save Our Ferry.") == []


def test_a_fronted_adjunct_before_said_and_a_quotation_is_no_claim():
    text = "While touring the harbour on Monday, Omar Haddad said, “The quay will reopen in May.”"
    assert all(c.cue != "said" for c in claims_in_text(text))
    text2 = "The quay, Omar Haddad said, will reopen in May."
    assert _one(text2, "said").text == "The quay, Omar Haddad said, will reopen in May"


def test_even_as_after_a_comma_ends_the_content():
    text = "Omar Haddad said that the quay would reopen in May, even as the council cut its budget."
    assert _one(text, "said").text == "that the quay would reopen in May"


def test_a_progressive_report_takes_the_subject_before_be_not_the_sentence_subject():
    text = "The ferry has been late all week, and many riders are wondering if the quay will reopen."
    c = _one(text, "wondering")
    assert c.text == "if the quay will reopen" and c.speaker_mention == "many riders"


def test_percent_subjects_and_coordinated_auxiliaries_find_their_speakers():
    assert _one("On the quay, 47% say the ferry is too slow.", "say").speaker_mention == "47%"
    c = _one("All of the pilots oppose the levy, and have pledged to fight it.", "pledged")
    assert c.text == "to fight it" and c.speaker_mention == "All of the pilots"


def test_a_coordinated_subject_after_the_content_still_makes_a_postposed_report():
    text = "The quay will reopen in May, pilots and harbour officials told the Gazette."
    assert _one(text, "told").text == "The quay will reopen in May"
    text2 = "Six riders said the ferry was late, and three said the same of the tram."
    assert sorted(c.text for c in claims_in_text(text2)) == ["the ferry was late", "the same of the tram"]


def test_a_longer_listener_may_stand_between_a_tell_verb_and_its_clause():
    c = _one("Omar Haddad asked the young night pilot whether the quay was safe.", "asked")
    assert c.text == "whether the quay was safe"
    c2 = _one("The union told the new harbour master that the cranes were unsafe.", "told")
    assert c2.text == "that the cranes were unsafe"


def test_a_relative_clause_inside_the_subject_does_not_become_the_speaker():
    c = _one("Pilots who favor harbour taxes agree that the quay is unsafe.", "agree")
    assert c.text == "that the quay is unsafe" and c.speaker_mention == "Pilots"


def test_a_fronted_years_after_clause_and_a_full_name_give_the_participle_speaker():
    text = "Years after the storm wrecked the quay, Omar Haddad won the vote by promising a new ferry."
    c = _one(text, "promising")
    assert c.text == "a new ferry" and c.speaker_mention == "Omar Haddad"


def test_the_main_subject_keeps_its_appositive_name():
    text = "But the other pilot on the quay, harbour master Ana Ruiz, drew a contrast, saying the ferry was safe."
    c = _one(text, "saying")
    assert c.speaker_mention == "the other pilot on the quay, harbour master Ana Ruiz" and c.speaker == "Ana Ruiz"


def test_asides_between_subject_and_verb_leave_the_first_phrase_as_the_speaker():
    text = "Councillor Ana Ruiz, a pilot from Bonn, in the name of safety and better pay, has proposed a ferry levy."
    c = _one(text, "proposed")
    assert c.text == "a ferry levy" and c.speaker_mention == "Councillor Ana Ruiz"


def test_verbs_listed_with_commas_share_the_first_subject():
    found = claims_in_text("Councillor Ana Ruiz urged the council to act, proposed a levy and demanded new boats.")
    assert [(c.cue, c.speaker_mention) for c in found] == [
        ("urged", "Councillor Ana Ruiz"), ("proposed", "Councillor Ana Ruiz"), ("demanded", "Councillor Ana Ruiz")]


def test_a_participle_after_but_takes_the_subject_of_its_own_clause():
    c = _one("It is a long shot, but Ana Ruiz was on the quay on Monday, urging pilots to strike.", "urging")
    assert c.text == "pilots to strike" and c.speaker_mention == "Ana Ruiz"
    assert _one("But right now we're seeing the ferry fail.", "seeing").speaker_mention == "we"


def test_a_leading_conjunction_is_not_part_of_postposed_content():
    assert _one("And the quay is shut again, the harbour master said.", "said").text == "the quay is shut again"
    assert _one("But the quay is shut again, according to the pilots.", "according to").text == "the quay is shut again"


def test_figures_after_a_comma_end_a_noun_phrase_object():
    assert _one("Harbour pilots backed the levy, 57 percent to 22 percent.", "backed").text == "the levy"


def test_an_object_inside_a_relative_clause_stops_before_the_main_verb_after_a_comma():
    c = _one("The union, which endorsed Omar Haddad, represents most harbour pilots.", "endorsed")
    assert c.text == "Omar Haddad"


def test_a_to_clause_inside_a_relative_clause_stops_before_the_main_verb_after_a_comma():
    c = _one("The ferry firm, which declined to comment, returned the harbour licence.", "declined")
    assert c.text == "to comment"


def test_a_report_inside_a_relative_clause_stops_before_the_main_verb():
    c = _one("The mayor, who said the quay was safe, was wrong about the tide.", "said")
    assert c.text == "the quay was safe"
