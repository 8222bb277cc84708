// The dashboard: reads the open-data records embedded in the page and draws, for the breakdown,
// cohort, wave and weighting chosen, each indicator beside the region's and its trend across
// cohorts. Figures read as in every other output of the publication (Formats.java): one decimal
// rounded half to even on the stored decimal text, « s » when secret, « n.c. » when not computable.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("donnees").textContent);
  const at = Object.fromEntries(data.columns.map((c, i) => [c, i]));
  const byKey = new Map();
  for (const r of data.rows) {
    byKey.set(key(r[at.cohort], r[at.wave], r[at.weighting], r[at.dimension], r[at.dimension_value], r[at.indicator]), r);
  }
  const $ = (id) => document.getElementById(id);
  const REGION = "Région";

  function key(cohort, wave, weighting, dimension, value, indicator) {
    return [cohort, wave, weighting, dimension, value, indicator].join("|");
  }

  function distinct(column, keep) {
    const seen = new Set(data.rows.filter(keep).map((r) => r[at[column]]));
    return [...seen].sort((a, b) => a.localeCompare(b, "fr", { numeric: true }));
  }

  /** Java's BigDecimal(text).movePointRight(2).setScale(1, HALF_EVEN), on the decimal text itself. */
  function percent(text) {
    const [mantissa, exponent] = text.toLowerCase().split("e");
    const [whole, fraction = ""] = mantissa.split(".");
    let digits = whole + fraction;
    let point = whole.length + Number(exponent || 0) + 2;
    if (point < 0) {
      digits = "0".repeat(-point) + digits;
      point = 0;
    }
    digits = digits.padEnd(point + 2, "0");
    const kept = digits.slice(0, point + 1);
    const rest = digits.slice(point + 1);
    const up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || Number(kept.slice(-1)) % 2 === 1));
    const n = (BigInt(kept) + (up ? 1n : 0n)).toString().padStart(2, "0");
    return n.slice(0, -1) + "," + n.slice(-1);
  }

  function number(indicator, text) {
    if (text === "") {
      return "n.c.";
    }
    return isMonths(indicator) ? Math.round(Number(text)) + " mois" : percent(text) + " %";
  }

  function isMonths(indicator) {
    return data.indicators.find((i) => i.name === indicator).months;
  }

  const secret = (r) => r[at.suppressed] === "true";
  const value = (r) => (r === undefined ? "" : secret(r) ? "s" : number(r[at.indicator], r[at.value]));
  function interval(r) {
    if (r === undefined || secret(r) || r[at.value] === "" || r[at.ci_low] === "") {
      return "";
    }
    return "[" + number(r[at.indicator], r[at.ci_low]) + " – " + number(r[at.indicator], r[at.ci_high]) + "]";
  }
  function count(r) {
    if (r === undefined || isMonths(r[at.indicator])) {
      return "";
    }
    // a row hiding only its numerator (reason NUM_…) still shows its published denominator
    return r[at.denominator] === "" ? "s" : String(Math.round(Number(r[at.denominator])));
  }
  /** What a chart draws: the published percentage, or nothing when secret or not computable. */
  function point(r, serie, extra) {
    if (r === undefined || secret(r) || r[at.value] === "") {
      return null;
    }
    const pct = (t) => (t === "" ? null : Number(percent(t).replace(",", ".")));
    return { serie, valeur: pct(r[at.value]), bas: pct(r[at.ci_low]), haut: pct(r[at.ci_high]), ...extra };
  }

  function options(select, values, labelOf, keepValue) {
    const previous = keepValue ? select.value : null;
    select.replaceChildren(...values.map((v) => new Option(labelOf(v), v)));
    if (values.includes(previous)) {
      select.value = previous;
    }
  }

  const SHORT = { cfa: "CFA", diploma: "Diplôme", level: "Niveau", department: "Département", sex: "Sexe" };

  function entityLabel(dimension, v) {
    return (data.labels[dimension] || {})[v] || v;
  }

  function choice() {
    return {
      dimension: $("dimension").value, value: $("valeur").value, cohort: $("cohorte").value, wave: $("vague").value,
      weighting: $("ponderation").value, indicator: $("indicateur").value,
    };
  }

  function fillTable(table, caption, headers, lines) {
    table.querySelector("caption").textContent = caption;
    const head = document.createElement("tr");
    for (const h of headers) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...lines.map(([title, ...cells]) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      // a title and its definition: the definition says over which base the rate is counted
      const [heading, definition] = Array.isArray(title) ? title : [title];
      th.textContent = heading;
      if (definition) {
        const small = document.createElement("small");
        small.textContent = definition;
        th.append(document.createElement("br"), small);
      }
      tr.append(th);
      for (const c of cells) {
        const td = document.createElement("td");
        td.textContent = c;
        if (c === "s") {
          td.className = "secret";
          td.title = "secret statistique";
        }
        tr.append(td);
      }
      return tr;
    }));
  }

  function draw(figure, plot) {
    figure.querySelector(".graphique").replaceChildren(plot);
  }

  function showIndicators(c, name) {
    const weighted = c.weighting === "weighted" ? "redressé" : "brut";
    const lines = [];
    const dots = [];
    const secrets = [];
    for (const i of data.indicators) {
      const own = byKey.get(key(c.cohort, c.wave, c.weighting, c.dimension, c.value, i.name));
      const region = byKey.get(key(c.cohort, c.wave, c.weighting, "region", "ALL", i.name));
      if (own === undefined) {
        continue;
      }
      lines.push([[i.label, i.description], value(own), interval(own), count(own), value(region), interval(region)]);
      if (!i.months) {
        for (const [r, serie] of [[own, name], [region, REGION]]) {
          const p = point(r, serie, { indicateur: i.label });
          if (p !== null) {
            dots.push(p);
          } else if (r !== undefined && secret(r)) {
            secrets.push({ serie, indicateur: i.label });
          }
        }
      }
    }
    fillTable($("tableau-indicateurs"), "Indicateurs " + weighted + "s de " + name + ", cohorte " + c.cohort + ", vague "
      + c.wave + ", avec leur intervalle de confiance à " + data.confidence + " %, comparés à la région",
      ["Indicateur", name + " (" + weighted + ")", "IC " + data.confidence + " %", "Dénominateur", "Région (" + weighted + ")", "IC " + data.confidence + " %"], lines);
    const color = { domain: [name, REGION], range: ["#1f4e79", "#d97b00"], legend: true };
    const drawn = dots.concat(secrets).map((d) => d.indicateur);
    const facets = data.indicators.map((x) => x.label).filter((l) => drawn.includes(l));
    draw($("graphique-indicateurs"), Plot.plot({
      ariaLabel: "Taux " + weighted + "s de " + name + " et de la région, en %", marginLeft: 10, marginRight: 10,
      width: 900, height: 60 + 44 * facets.length,
      x: { domain: [0, 100], label: "%", grid: true }, y: { axis: null, domain: [name, REGION] },
      fy: { label: null, axis: "left", tickSize: 0, padding: 0.2, domain: facets }, color,
      facet: { marginLeft: 240 },
      marks: [
        Plot.ruleY(dots, { fy: "indicateur", y: "serie", x1: "bas", x2: "haut", stroke: "serie", strokeWidth: 2 }),
        Plot.dot(dots, { fy: "indicateur", y: "serie", x: "valeur", fill: "serie", r: 5, title: (d) => d.serie + " : "
          + d.valeur.toLocaleString("fr") + " %" }),
        Plot.text(secrets, { fy: "indicateur", y: "serie", x: 0, text: () => "s (secret statistique)", textAnchor: "start",
          fill: "serie" }),
      ],
    }));
  }

  function showTrend(c, name) {
    const i = data.indicators.find((x) => x.name === c.indicator);
    const weighted = c.weighting === "weighted" ? "redressé" : "brut";
    const cohorts = distinct("cohort", (r) => r[at.wave] === c.wave);
    const lines = [];
    const dots = [];
    for (const cohort of cohorts) {
      const own = byKey.get(key(cohort, c.wave, c.weighting, c.dimension, c.value, i.name));
      const region = byKey.get(key(cohort, c.wave, c.weighting, "region", "ALL", i.name));
      lines.push([cohort, value(own), interval(own), value(region), interval(region)]);
      for (const [r, serie] of [[own, name], [region, REGION]]) {
        const p = point(r, serie, { cohorte: cohort });
        if (p !== null) {
          dots.push(p);
        }
      }
    }
    fillTable($("tableau-evolution"), i.label + " (" + weighted + ") de " + name + " et de la région, vague " + c.wave
      + ", par cohorte", ["Cohorte", name, "IC " + data.confidence + " %", REGION, "IC " + data.confidence + " %"], lines);
    draw($("graphique-evolution"), Plot.plot({
      ariaLabel: i.label + " par cohorte, " + name + " et région, en %", width: 900, height: 320, marginLeft: 50,
      x: { type: "point", domain: cohorts, label: "Cohorte" }, y: { domain: [0, 100], label: "%", grid: true },
      color: { domain: [name, REGION], range: ["#1f4e79", "#d97b00"], legend: true },
      marks: [
        Plot.ruleX(dots, { x: "cohorte", y1: "bas", y2: "haut", stroke: "serie", strokeWidth: 2 }),
        Plot.line(dots, { x: "cohorte", y: "valeur", stroke: "serie", z: "serie" }),
        Plot.dot(dots, { x: "cohorte", y: "valeur", fill: "serie", r: 4 }),
      ],
    }));
  }

  function show() {
    const c = choice();
    const name = SHORT[c.dimension] + " " + entityLabel(c.dimension, c.value);
    showIndicators(c, name);
    showTrend(c, name);
    $("etat").textContent = "Affichés : " + name + ", cohorte " + c.cohort + ", vague " + c.wave + ", chiffres "
      + (c.weighting === "weighted" ? "redressés" : "bruts") + ".";
  }

  function refreshValues() {
    const d = $("dimension").value;
    $("valeur-libelle").textContent = $("dimension").selectedOptions[0].text;
    options($("valeur"), distinct("dimension_value", (r) => r[at.dimension] === d), (v) => entityLabel(d, v), false);
  }

  function refreshWaves() {
    const cohort = $("cohorte").value;
    options($("vague"), distinct("wave", (r) => r[at.cohort] === cohort), (w) => w === "1" ? "1 (7 mois)" : "2 (12 mois)",
      true);
  }

  options($("dimension"), data.dimensions.map((d) => d.name), (n) => data.dimensions.find((d) => d.name === n).label);
  options($("cohorte"), distinct("cohort", () => true), (v) => v);
  $("cohorte").value = String(data.cohort);
  refreshValues();
  refreshWaves();
  $("vague").value = String(data.wave);
  options($("indicateur"), data.indicators.filter((i) => !i.months).map((i) => i.name),
    (n) => data.indicators.find((i) => i.name === n).label);
  $("indicateur").value = "employment_rate";
  $("dimension").addEventListener("change", () => { refreshValues(); show(); });
  $("cohorte").addEventListener("change", () => { refreshWaves(); show(); });
  for (const id of ["valeur", "vague", "ponderation", "indicateur"]) {
    $(id).addEventListener("change", show);
  }
  show();
})();
