//! Fitting text into cells: cutting with "…", keeping the end of a long field, and the window
//! of a list that keeps its selected row in view.

/// Width in cells (every character napkin draws is one cell wide).
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to `room` cells, ending in "…" when cut.
pub fn cut(s: &str, room: usize) -> String {
    if width(s) <= room {
        return s.to_string();
    }
    match room {
        0 => String::new(),
        _ => {
            let mut out: String = s.chars().take(room - 1).collect();
            out.push('…');
            out
        }
    }
}

/// Each of `labels` cut to `room` cells, told apart: a label whose cut would read as another
/// label's start ("Index memory o…" for "Index memory on Faiss" beside "Index memory (one
/// copy)") keeps its end instead, its middle words giving way: "Index … on Faiss".
pub fn cut_apart<S: AsRef<str>>(labels: &[S], room: usize) -> Vec<String> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let label = label.as_ref();
            let cut = cut(label, room);
            let kept = cut.trim_end_matches('…');
            let ambiguous = cut.len() != label.len()
                && labels
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && other.as_ref().starts_with(kept));
            if ambiguous {
                cut_middle(label, room)
            } else {
                cut
            }
        })
        .collect()
}

/// `s` in `room` cells with its middle cut: its first word, "…", and as many whole words of its
/// end as fit ("Index … on OpenSearch"); where no whole word fits, a third of the room from the
/// start and the rest from the end.
fn cut_middle(s: &str, room: usize) -> String {
    let n = width(s);
    if n <= room || room < 3 {
        return cut(s, room);
    }
    let words: Vec<&str> = s.split(' ').collect();
    // "first … " then the longest run of whole end words that fits.
    let head = width(words[0]) + 3;
    let tail = (1..words.len())
        .rev()
        .map(|k| words[k..].join(" "))
        .take_while(|t| head + width(t) <= room)
        .last();
    if let Some(tail) = tail {
        return format!("{} … {tail}", words[0]);
    }
    let head = room / 3;
    let mut out: String = s.chars().take(head).collect();
    out.push('…');
    out.extend(s.chars().skip(n - (room - 1 - head)));
    out
}

/// The end of `s` in `room` cells, starting with "…" when the start is cut: a long value being
/// typed keeps its end (and the cursor) in view.
pub fn tail(s: &str, room: usize) -> String {
    let n = width(s);
    if n <= room {
        return s.to_string();
    }
    match room {
        0 => String::new(),
        _ => {
            let mut out = String::from("…");
            out.extend(s.chars().skip(n - (room - 1)));
            out
        }
    }
}

/// `left` and `right` on one line of `width` cells, `right` against the right edge: `right`
/// always shows whole, and `left` gives way, ending in "…".
pub fn spread(left: &str, right: &str, width: usize) -> String {
    let left = cut(left, width.saturating_sub(self::width(right) + 1));
    let pad = width
        .saturating_sub(self::width(&left) + self::width(right))
        .max(1);
    format!("{left}{}{right}", " ".repeat(pad))
}

/// The rows `[start, end)` of a list of `len` that keep `selected` in a window of `height`.
pub fn window(len: usize, selected: usize, height: usize) -> (usize, usize) {
    if height == 0 {
        return (0, 0);
    }
    let start = selected
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    (start, (start + height).min(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_and_keeping_the_end() {
        assert_eq!(cut("candidate_generation", 10), "candidate…");
        assert_eq!(cut("ranking", 10), "ranking");
        assert_eq!(cut("ranking", 0), "");
        assert_eq!(tail("1000000000000", 6), "…00000");
        assert_eq!(tail("12", 6), "12");
        // 10 cells: "dau", 5 spaces, "1B".
        assert_eq!(spread("dau", "1B", 10), "dau     1B");
        // 10 cells less "5" and a space leave 8 for the left: 7 letters and "…".
        assert_eq!(spread("requests_per_user", "5", 10), "request… 5");
    }

    #[test]
    fn labels_cut_alike_keep_their_ends() {
        let labels = [
            "Index memory (one copy)",
            "Index memory on Faiss",
            "Index memory on OpenSearch",
            "Growth per day: videos",
            "Growth per day",
            "Peak QPS",
        ];
        // 15 cells: "Index memory o…" would read alike for two labels, so each keeps its first
        // word and the end words that fit ("Index … " is 8 cells, leaving 7: "Faiss");
        // "Index memory (…" starts no other label and stays; "OpenSearch" (10) does not fit after it, so a third of the room (5 cells)
        // from the start, "…", and 9 from the end. "Growth per day…" reads as the start of
        // "Growth per day"; "Peak QPS" is not cut.
        assert_eq!(
            cut_apart(&labels, 15),
            [
                "Index memory (…",
                "Index … Faiss",
                "Index…penSearch",
                "Growth … videos",
                "Growth per day",
                "Peak QPS"
            ]
        );
        // Wide enough, nothing is cut.
        assert_eq!(cut_apart(&labels, 30), labels);
    }

    #[test]
    fn the_window_follows_the_selection() {
        // 20 rows in a window of 5: row 0 shows 0..5, row 12 shows 8..13, row 19 shows 15..20.
        assert_eq!(window(20, 0, 5), (0, 5));
        assert_eq!(window(20, 12, 5), (8, 13));
        assert_eq!(window(20, 19, 5), (15, 20));
        assert_eq!(window(3, 2, 5), (0, 3));
    }
}
