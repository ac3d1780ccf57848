// Publication filters (sphinx-portfolio, papers/filters.py): no reload, the choice
// kept in the URL, every paper shown when this script does not run.
"use strict";
(() => {
  const form = document.querySelector("form.portfolio-paper-filters");
  if (!form) return;
  const items = [...document.querySelectorAll(".portfolio-paper[data-type]")];
  const fields = [...form.querySelectorAll("select")];
  const status = form.querySelector("[role=status]");
  const fits = (item, field) =>
    !field.value ||
    (field.name === "keyword"
      ? item.dataset.keywords.split("|").includes(field.value)
      : item.dataset[field.name] === field.value);

  function apply(save) {
    let shown = 0;
    for (const item of items) {
      item.hidden = !fields.every((field) => fits(item, field));
      shown += !item.hidden;
    }
    for (const section of document.querySelectorAll("section[id^='year-']")) {
      const papers = [...section.querySelectorAll(".portfolio-paper[data-type]")];
      if (papers.length) section.hidden = papers.every((paper) => paper.hidden);
    }
    status.textContent = form.dataset.status
      .replace("{shown}", shown)
      .replace("{total}", items.length);
    if (save) {
      const url = new URL(location.href);
      for (const field of fields) {
        if (field.value) url.searchParams.set(field.name, field.value);
        else url.searchParams.delete(field.name);
      }
      history.replaceState(history.state, "", url);
    }
  }

  const asked = new URLSearchParams(location.search);
  for (const field of fields) {
    const value = asked.get(field.name);
    if (value && [...field.options].some((option) => option.value === value)) {
      field.value = value;
    }
  }
  form.hidden = false;
  form.addEventListener("change", () => apply(true));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => apply(true)));
  apply(false);
})();
