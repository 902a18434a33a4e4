//! Publications over time as an SVG histogram that follows the query and the facets, with a
//! date range chosen by dragging across the bars or, from the keyboard, with two sliders.

use crate::data::data;
use crate::nav::go;
use crate::route::Explore;
use readingroom_core::date::MONTHS;
use readingroom_core::facets::{month_of, month_parts, Month};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Articles per month from the corpus's first month.
    pub months: Rc<Vec<u32>>,
    /// The articles the chosen range holds: the results. An article dated by its year alone
    /// is drawn at its January but held by any range that overlaps its year.
    pub in_range: u32,
    pub explore: Explore,
}

/// Up to six years show month by month; longer spans year by year, and spans of more than
/// `MAX_YEAR_BINS` years by groups of years.
const MAX_MONTH_BINS: usize = 72;
/// More bars would be thinner than a pixel in the sidebar, and restyling a few hundred SVG
/// bars cost 10 ms of a keystroke's frame (249 State of the Union addresses span 229 years).
const MAX_YEAR_BINS: i32 = 60;
/// Widths of a group of years, narrowest first; groups start at a multiple of their width.
const YEAR_STEPS: [i32; 6] = [5, 10, 20, 25, 50, 100];

#[derive(Clone, Copy, PartialEq)]
struct Bin {
    start: Month,
    end: Month,
    count: u32,
}

fn bins(first: Month, months: &[u32]) -> Vec<Bin> {
    if months.len() <= MAX_MONTH_BINS {
        return months
            .iter()
            .enumerate()
            .map(|(i, &c)| Bin { start: first + i as i32, end: first + i as i32, count: c })
            .collect();
    }
    let first_year = month_parts(first).0;
    let last_year = month_parts(first + months.len() as i32 - 1).0;
    let years = last_year - first_year + 1;
    let step = if years <= MAX_YEAR_BINS {
        1
    } else {
        // Partly filled groups at either end count too.
        YEAR_STEPS
            .into_iter()
            .find(|s| last_year.div_euclid(*s) - first_year.div_euclid(*s) < MAX_YEAR_BINS)
            .unwrap_or(100)
    };
    let mut out: Vec<Bin> = Vec::new();
    for (i, &c) in months.iter().enumerate() {
        let (year, _) = month_parts(first + i as i32);
        let group = year.div_euclid(step) * step;
        match out.last_mut() {
            Some(b) if month_parts(b.start).0 == group.max(first_year) => b.count += c,
            _ => out.push(Bin {
                // Groups start and end with the corpus: a range from its start is no range.
                start: month_of(group.max(first_year), 1),
                end: month_of((group + step - 1).min(last_year), 12),
                count: c,
            }),
        }
    }
    out
}

fn month_label(m: Month) -> String {
    let (y, m) = month_parts(m);
    format!("{} {y}", &MONTHS[m as usize - 1][..3])
}

fn bin_label(b: &Bin) -> String {
    let (from, to) = (month_parts(b.start).0, month_parts(b.end).0);
    if b.start == b.end {
        month_label(b.start)
    } else if from == to {
        from.to_string()
    } else if to - from == 9 && from % 10 == 0 {
        format!("{from}s")
    } else {
        format!("{from}–{to}")
    }
}

/// The chart's whole span, from the first bin's start to the last one's end: months as months,
/// else years.
fn span_label(first: &Bin, last: &Bin) -> (String, String) {
    let edge =
        |b: &Bin, m: Month| if b.start == b.end { month_label(m) } else { month_parts(m).0.to_string() };
    (edge(first, first.start), edge(last, last.end))
}

/// "2016 – 2017" and "2017" for whole years; "Feb – Dec 2017" and "Sep 2016 – Mar 2017"
/// otherwise, both ends alike; "from …" and "until …" with one end open.
pub fn range_label(from: Option<Month>, to: Option<Month>) -> String {
    let whole = from.is_none_or(|f| month_parts(f).1 == 1) && to.is_none_or(|t| month_parts(t).1 == 12);
    let label = |m: Month| if whole { month_parts(m).0.to_string() } else { month_label(m) };
    match (from, to) {
        (Some(f), Some(t)) if label(f) == label(t) => label(f),
        (Some(f), Some(t)) if !whole && month_parts(f).0 == month_parts(t).0 => {
            format!("{} – {}", &MONTHS[month_parts(f).1 as usize - 1][..3], month_label(t))
        }
        (Some(f), Some(t)) => format!("{} – {}", label(f), label(t)),
        (Some(f), None) => format!("from {}", label(f)),
        (None, Some(t)) => format!("until {}", label(t)),
        (None, None) => "all dates".into(),
    }
}

thread_local! {
    /// The route a slider last went to, when (ms since the epoch), and which slider.
    static SLID: std::cell::RefCell<Option<(crate::route::Route, f64, &'static str)>> = const { std::cell::RefCell::new(None) };
}

/// Steps of a slider closer together than this are one adjustment: held arrow keys repeat
/// every 30–100 ms, deliberate presses a few hundred apart.
const IN_A_ROW_MS: f64 = 1500.0;

fn with_range(e: &Explore, from: Option<Month>, to: Option<Month>) -> Explore {
    let mut next = e.clone();
    next.sel.from = from;
    next.sel.to = to;
    next
}

#[function_component(Histogram)]
pub fn histogram(props: &Props) -> Html {
    let d = data();
    // The bin where a drag started and the bin under the pointer now.
    let drag = use_state(|| None::<(usize, usize)>);
    // The bin under a pointer that is not dragging: its period and count stand in the label.
    let hover = use_state_eq(|| None::<usize>);
    let svg_ref = use_node_ref();
    let Some((first, _)) = d.facets.span else { return html! {} };
    let bins = bins(first, &props.months);
    let n = bins.len();
    let sel = &props.explore.sel;
    let index_of = |m: Option<Month>, default: usize| {
        m.map(|m| bins.iter().position(|b| b.end >= m).unwrap_or(n - 1)).unwrap_or(default)
    };
    let (lo, hi) = match *drag {
        Some((a, b)) => (a.min(b), a.max(b)),
        None => (index_of(sel.from, 0), index_of(sel.to, n - 1).max(index_of(sel.from, 0))),
    };
    let ranged = drag.is_some() || sel.from.is_some() || sel.to.is_some();
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let (w, h) = (10.0 * n as f64, 60.0);

    // Yew delegates events to its root, so `current_target` is not the SVG: a ref is.
    let bin_at = {
        let svg_ref = svg_ref.clone();
        move |e: &PointerEvent| {
            let svg: web_sys::Element = svg_ref.cast()?;
            let rect = svg.get_bounding_client_rect();
            let x = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0);
            Some(((x * n as f64).floor().max(0.0) as usize).min(n - 1))
        }
    };
    let onpointerdown = {
        let drag = drag.clone();
        let hover = hover.clone();
        let bin_at = bin_at.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(i) = bin_at(&e) {
                // Capture, so a drag that leaves the chart still ends here.
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
                drag.set(Some((i, i)));
                // Until the pointer moves again, the label tells the range the drag chose.
                hover.set(None);
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let hover = hover.clone();
        Callback::from(move |e: PointerEvent| match (*drag, bin_at(&e)) {
            (Some((a, _)), Some(i)) => drag.set(Some((a, i))),
            (None, i) => hover.set(i),
            _ => {}
        })
    };
    let onpointerleave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover.set(None))
    };
    let onpointerup = {
        let drag = drag.clone();
        let bins = bins.clone();
        let explore = props.explore.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some((a, b)) = *drag {
                let (lo, hi) = (a.min(b), a.max(b));
                // The whole span chosen is no range at all.
                let from = (lo > 0).then(|| bins[lo].start);
                let to = (hi < bins.len() - 1).then(|| bins[hi].end);
                drag.set(None);
                go(&with_range(&explore, from, to).route());
            }
        })
    };
    let slider = |which: &'static str, value: usize| {
        let explore = props.explore.clone();
        let ends: Vec<(Month, Month)> = bins.iter().map(|b| (b.start, b.end)).collect();
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let i: usize = input.value().parse().unwrap_or(0);
            let (a, b) = if which == "from" { (i.min(hi), hi) } else { (lo, i.max(lo)) };
            let from = (a > 0).then(|| ends[a].0);
            let to = (b < ends.len() - 1).then(|| ends[b].1);
            let next = with_range(&explore, from, to).route();
            // Steps of one slider in a row (the arrow keys give one change a step) make one
            // history entry: back undoes the adjustment, not its last step. The other slider
            // is another adjustment.
            let at = js_sys::Date::now();
            let in_a_row = SLID.with(|s| {
                s.borrow().as_ref().is_some_and(|(route, when, last)| {
                    *route == crate::location::current() && at - when < IN_A_ROW_MS && *last == which
                })
            });
            if in_a_row {
                crate::location::go_in_place(&next);
            } else {
                go(&next);
            }
            SLID.with(|s| *s.borrow_mut() = Some((next, at, which)));
        });
        let label = if which == "from" { "From" } else { "To" };
        html! {
            <label class="rr-range-input">
                <span>{ label }</span>
                <input type="range" min="0" max={ (n - 1).to_string() } value={ value.to_string() }
                    aria-valuetext={ bin_label(&bins[value]) } {onchange} />
            </label>
        }
    };
    let hovered = if drag.is_none() { hover.filter(|&i| i < n) } else { None };
    // A range chosen (not being dragged) is what the results hold: its own months, which may
    // start or end inside a bar of several years, and the year-only articles it overlaps.
    let total: u32 = match (*drag, hovered) {
        (_, Some(i)) => bins[i].count,
        (None, None) if ranged => props.in_range,
        _ => bins[lo..=hi].iter().map(|b| b.count).sum(),
    };
    let (span_from, span_to) = span_label(&bins[0], &bins[n - 1]);
    let label = match (*drag, hovered) {
        (_, Some(i)) => bin_label(&bins[i]),
        (None, None) if ranged => range_label(sel.from, sel.to),
        _ if ranged => range_label(Some(bins[lo].start), Some(bins[hi].end)),
        _ => format!("{span_from} – {span_to}"),
    };
    // The bars as two paths, those in the range and those outside it: an element a bar cost
    // a keystroke about a millisecond of SVG layout at 20,000 articles.
    let inside = bar_path(&bins, max, h, (0..n).filter(|i| !ranged || (lo..=hi).contains(i)));
    let outside = bar_path(&bins, max, h, (0..n).filter(|i| ranged && !(lo..=hi).contains(i)));
    html! {
        <section class="rr-histogram" aria-labelledby="rr-hist-h">
            <@{crate::heading::h(2)} class="rr-label" id="rr-hist-h">{ "Published" }</@>
            <p class="rr-range-label">
                <span>{ label }</span>
                <span class="rr-n">{ if total == 1 { "1 article".to_string() } else { format!("{total} articles") } }</span>
            </p>
            <svg ref={ svg_ref } viewBox={ format!("0 0 {} {}", tenths(w), tenths(h)) } preserveAspectRatio="none" role="img"
                aria-label="Articles published over time; drag across the bars to choose a date range"
                data-bars={ n.to_string() } {onpointerdown} {onpointermove} {onpointerup} {onpointerleave}>
                <path class="rr-bar rr-in" d={ inside } />
                <path class="rr-bar" d={ outside } />
                if let Some(i) = hovered {
                    <path class="rr-bar-hover" d={ bar_path(&bins, max, h, std::iter::once(i)) } />
                }
                <rect class="rr-bar-hit" x="0" y="0" width={ tenths(w) } height={ tenths(h) } />
            </svg>
            <div class="rr-axis" aria-hidden="true"><span>{ span_from }</span><span>{ span_to }</span></div>
            <div class="rr-range-inputs">
                { slider("from", lo) }
                { slider("to", hi) }
            </div>
            if sel.from.is_some() || sel.to.is_some() {
                <a class="rr-clear" href={ with_range(&props.explore, None, None).route().href() }>{ "All dates" }</a>
            }
        </section>
    }
}

/// The bars `which` as one SVG path of rectangles, 8 units wide in slots of 10, scaled to the
/// tallest bar `max` in a chart `h` high; an empty bin has no bar, a bar at least 2 units.
fn bar_path(bins: &[Bin], max: u32, h: f64, which: impl Iterator<Item = usize>) -> String {
    let mut d = String::new();
    for i in which {
        let count = bins[i].count;
        if count == 0 {
            continue;
        }
        let bh = (f64::from(count) / f64::from(max) * (h - 4.0)).max(2.0);
        d.push_str(&format!("M{} {}h8v{}h-8z", i * 10 + 1, tenths(h - bh), tenths(bh)));
    }
    d
}

/// A length in the chart's units to a tenth, written without float formatting: a bar a tenth
/// of a unit taller is not seen, an unchanged attribute is not written again, and formatting
/// floats' shortest digits cost a keystroke's frame milliseconds in wasm.
fn tenths(v: f64) -> String {
    let t = (v.max(0.0) * 10.0).round() as u64;
    if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_written_to_a_tenth() {
        assert_eq!(tenths(0.0), "0");
        assert_eq!(tenths(56.0), "56");
        assert_eq!(tenths(37.294_117_647_058_826), "37.3");
        assert_eq!(tenths(2.96), "3");
        assert_eq!(tenths(0.04), "0");
        assert_eq!(tenths(-1.0), "0");
    }

    #[test]
    fn bars_are_rectangles_of_one_path() {
        let first = month_of(2016, 1);
        let b = bins(first, &[4, 0, 2, 1]);
        assert_eq!(
            bar_path(&b, 4, 60.0, 0..4),
            "M1 4h8v56h-8zM21 32h8v28h-8zM31 46h8v14h-8z",
            "full height less 4 units, none for an empty month"
        );
        assert_eq!(bar_path(&b, 4, 60.0, [3].into_iter()), "M31 46h8v14h-8z");
        assert_eq!(bar_path(&b, 400, 60.0, [3].into_iter()), "M31 58h8v2h-8z", "at least 2 units");
        assert_eq!(bar_path(&b, 4, 60.0, std::iter::empty()), "");
    }

    #[test]
    fn ranges_read_as_years_or_as_months_at_both_ends() {
        let m = |y, mo| month_of(y, mo);
        assert_eq!(range_label(Some(m(2016, 1)), Some(m(2017, 12))), "2016 – 2017");
        assert_eq!(range_label(Some(m(2017, 1)), Some(m(2017, 12))), "2017");
        assert_eq!(range_label(Some(m(2017, 2)), Some(m(2017, 12))), "Feb – Dec 2017");
        assert_eq!(range_label(Some(m(2016, 9)), Some(m(2017, 12))), "Sep 2016 – Dec 2017");
        assert_eq!(range_label(Some(m(2017, 3)), Some(m(2017, 3))), "Mar 2017");
        assert_eq!(range_label(Some(m(2017, 1)), None), "from 2017");
        assert_eq!(range_label(None, Some(m(2017, 6))), "until Jun 2017");
        assert_eq!(range_label(None, None), "all dates");
    }

    #[test]
    fn bins_are_months_then_years_then_groups_of_years() {
        let first = month_of(2016, 3);
        let by_month = bins(first, &[1; 72]);
        assert_eq!(by_month.len(), 72);
        assert_eq!(bin_label(&by_month[0]), "Mar 2016");

        // 2016-03 to 2022-03: seven years, the counts of each year summed.
        let by_year = bins(first, &[1; 73]);
        assert_eq!(by_year.iter().map(|b| b.count).collect::<Vec<_>>(), [10, 12, 12, 12, 12, 12, 3]);
        assert_eq!((bin_label(&by_year[0]), by_year[0].start), ("2016".to_string(), month_of(2016, 1)));

        // 1790 to 2018, as the State of the Union addresses: groups of five years, the first
        // starting with the corpus, every month counted once.
        let first = month_of(1790, 1);
        let months = (2018 - 1790 + 1) * 12;
        let grouped = bins(first, &vec![1; months as usize]);
        assert_eq!(grouped.len(), 46);
        assert!(grouped.len() < MAX_YEAR_BINS as usize);
        assert_eq!(grouped.iter().map(|b| b.count).sum::<u32>(), months as u32);
        assert_eq!(bin_label(&grouped[0]), "1790–1794");
        assert_eq!(bin_label(&grouped[45]), "2015–2018", "the last group ends with the corpus");
        assert_eq!(span_label(&grouped[0], &grouped[45]), ("1790".into(), "2018".into()));
        let first = month_of(1793, 6);
        let grouped = bins(first, &vec![1; ((2100 - 1793) * 12) as usize]);
        assert_eq!((grouped[0].start, bin_label(&grouped[0])), (first - 5, "1793–1799".to_string()));
        assert_eq!(bin_label(&grouped[1]), "1800s");
        // 1794 to 2092: 299 years, whose partly filled groups of five would make 61 bars.
        let first = month_of(1794, 1);
        let grouped = bins(first, &vec![1; ((2093 - 1794) * 12) as usize]);
        assert!(grouped.len() <= MAX_YEAR_BINS as usize, "{} bars", grouped.len());
    }
}
