// Sort each impact-index table by the size of its figures. The table reads fine
// without this script; it only turns the "Value" header into a sort button.
(function () {
  "use strict";
  function size(row) {
    var badge = row.querySelector("[data-metric-value]");
    var value = badge ? badge.getAttribute("data-metric-value") : "";
    return value === "" ? null : Math.abs(parseFloat(value));
  }
  function sortTable(table, header, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = size(a), y = size(b);
      if (x === null || y === null) return (x === null) - (y === null);
      return descending ? y - x : x - y;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  function enhance(table) {
    var header = table.tHead && table.tHead.rows[0].cells[1];
    if (!header) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "portfolio-sort";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    header.setAttribute("aria-sort", "descending");
    button.addEventListener("click", function () {
      sortTable(table, header, header.getAttribute("aria-sort") !== "descending");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.portfolio-index-table").forEach(enhance);
  });
})();
