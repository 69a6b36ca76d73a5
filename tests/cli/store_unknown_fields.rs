//! Fields this build does not know survive a load and a save as the exact JSON text they were.

use crate::kit::Mend;

/// Unknown values whose text a JSON number or tree would not keep.
const ODD_VALUES: [&str; 7] = [
    "123456789012345678901234567890",
    "1.0",
    "1e2",
    "-0.0",
    "2.50",
    r#"{ "a" :[1 ,2.50 , {"b":1E+2}] ,"c":"caf\u00e9" }"#,
    r#"[ 0.1000 ,null,true ]"#,
];

/// The journal's text with `"odd_N": VALUE` added to the top, the settings, a partner and an entry.
fn with_odd_fields(text: &str) -> String {
    let fields: String = ODD_VALUES
        .iter()
        .enumerate()
        .map(|(n, value)| format!("\"odd_{n}\": {value}, "))
        .collect();
    let mut text = text.replacen('{', &format!("{{{fields}"), 1);
    for place in [
        "\"settings\": {",
        "\"partners\": [\n    {",
        "\"entries\": [\n    {",
    ] {
        let at = text
            .find(place)
            .unwrap_or_else(|| panic!("{place} in {text}"))
            + place.len();
        text.insert_str(at, &fields);
    }
    text
}

#[test]
fn unknown_values_keep_their_text_through_load_and_save() {
    let m = Mend::with_journal();
    m.write("Alice", "First.");
    let text = with_odd_fields(&String::from_utf8(m.journal_bytes()).unwrap());
    m.put_journal(&text);
    crate::kit::set_private(&m.journal);
    m.ok(&["check"], "");
    m.write("Bob", "Second, so the journal is saved again.");
    let saved = String::from_utf8(m.journal_bytes()).unwrap();
    for (n, value) in ODD_VALUES.iter().enumerate() {
        let field = format!("\"odd_{n}\": {value}");
        assert_eq!(saved.matches(&field).count(), 4, "{field} in\n{saved}");
    }
    assert_eq!(m.journal_json()["entries"].as_array().unwrap().len(), 2);
}
