//! Any journal saves and loads back equal; unknown fields anywhere survive a load and a save.

use super::*;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_A-Z0-9 ]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Where an unknown field goes.
#[derive(Debug, Clone, Copy)]
enum Place {
    Top,
    Settings,
    Partner(usize),
    Record(&'static str, usize),
    /// In a promise's history item.
    History(usize, usize),
    /// In a promise's or kind act's acknowledgement.
    Ack(&'static str, usize),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        Just(Place::Top),
        Just(Place::Settings),
        (0usize..2).prop_map(Place::Partner),
        (
            prop::sample::select(vec!["entries", "checkins", "promises", "kind_acts"]),
            any::<usize>()
        )
            .prop_map(|(list, i)| Place::Record(list, i)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Place::History(i, j)),
        (
            prop::sample::select(vec!["promises", "kind_acts"]),
            any::<usize>()
        )
            .prop_map(|(list, i)| Place::Ack(list, i)),
    ]
}

/// Unknown fields: names no version of mend uses (they start with `x_`), any values.
fn unknowns() -> impl Strategy<Value = Vec<(Place, String, Value)>> {
    prop::collection::vec((place(), "x_[a-z0-9_]{1,10}", json_value()), 1..8)
}

/// Puts each unknown field into the journal's JSON (records that do not exist are skipped).
fn inject(doc: &mut Value, fields: &[(Place, String, Value)]) {
    for (place, key, value) in fields {
        let target: Option<&mut Map<String, Value>> = match *place {
            Place::Top => doc.as_object_mut(),
            Place::Settings => doc["settings"].as_object_mut(),
            Place::Partner(i) => doc["partners"][i].as_object_mut(),
            Place::Record(list, i) => pick(&mut doc[list], i),
            Place::History(i, j) => pick(&mut doc["promises"], i)
                .and_then(|p| p.get_mut("history"))
                .and_then(|h| pick(h, j)),
            Place::Ack(list, i) => pick(&mut doc[list], i)
                .and_then(|r| r.get_mut("acknowledged"))
                .and_then(Value::as_object_mut),
        };
        if let Some(object) = target {
            object.insert(key.clone(), value.clone());
        }
    }
}

/// The `i`th object of a JSON array (wrapping around), if the array has any.
fn pick(list: &mut Value, i: usize) -> Option<&mut Map<String, Value>> {
    let items = list.as_array_mut()?;
    let n = items.len();
    if n == 0 {
        return None;
    }
    items[i % n].as_object_mut()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_journal_saves_and_loads_back_equal(
        names in (name('1'), name('2')),
        roles in (role(), role()),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let journal = build(names, roles, &ops);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        save(&path, &journal, &RealFs).unwrap();
        let loaded = load(&path).unwrap().expect("the file is there");
        prop_assert_eq!(&loaded, &journal);
        // Saving what was loaded gives the same bytes: a stable order.
        let first = std::fs::read(&path).unwrap();
        save(&path, &loaded, &RealFs).unwrap();
        prop_assert_eq!(std::fs::read(&path).unwrap(), first);
    }

    #[test]
    fn unknown_fields_survive_a_load_and_a_save(
        names in (name('1'), name('2')),
        roles in (role(), role()),
        ops in prop::collection::vec(op(), 1..30),
        fields in unknowns(),
    ) {
        let journal = build(names, roles, &ops);
        let mut doc = serde_json::to_value(&journal).unwrap();
        inject(&mut doc, &fields);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.json");
        std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

        let loaded = load(&path).unwrap().expect("the file is there");
        save(&path, &loaded, &RealFs).unwrap();
        // The saved file is the same document, unknown fields and all.
        let saved = read_json(&path);
        prop_assert_eq!(&saved, &doc);
        let again = load(&path).unwrap().expect("the file is there");
        prop_assert_eq!(&again, &loaded);
        // And the top-level unknown fields are reachable through the API (the last one wins).
        let mut top = Map::new();
        for (place, key, value) in &fields {
            if let Place::Top = place {
                top.insert(key.clone(), value.clone());
            }
        }
        for (key, value) in &top {
            let kept = again.extra.get(key).map(|raw| raw.to_value().unwrap());
            prop_assert_eq!(kept.as_ref(), Some(value));
        }
    }
}

/// A journal with a kept, acknowledged promise and an acknowledged kind act, for the nested-field test below.
fn journal_with_kept_promise() -> Journal {
    let mut j = Journal::new(("Alice", None), ("Bob", None), base_now(), today()).unwrap();
    let (a, b) = (j.partners[0].id, j.partners[1].id);
    let id = j
        .add_promise(
            NewPromise {
                by: a,
                to: b,
                text: "Call".into(),
                made: today(),
                due: None,
                size: None,
            },
            base_now(),
            today(),
        )
        .unwrap();
    j.change_promise(id, a, PromiseAction::Keep, None, base_now(), today())
        .unwrap();
    j.acknowledge_promise(id, b, None, base_now()).unwrap();
    let act = j
        .add_kind_act(b, "Tea", today(), base_now(), today())
        .unwrap();
    j.acknowledge_kind_act(act, a, None, base_now()).unwrap();
    j
}

#[test]
fn unknown_fields_nested_in_records_survive_a_load_and_a_save() {
    let journal = journal_with_kept_promise();
    let mut doc = serde_json::to_value(&journal).unwrap();
    doc["promises"][0]["history"][0]["x_mood"] = Value::from("relieved");
    doc["promises"][0]["acknowledged"]["x_hug"] = Value::from(true);
    doc["kind_acts"][0]["acknowledged"]["x_smile"] = Value::from(1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    let loaded = load(&path).unwrap().unwrap();
    save(&path, &loaded, &RealFs).unwrap();
    assert_eq!(read_json(&path), doc);
}
