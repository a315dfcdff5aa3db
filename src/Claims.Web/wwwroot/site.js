// Small enhancements; every page works without them.
// The as-of slider steps through the accounts as they came out and reloads the view at that instant.
document.querySelectorAll("[data-asof-slider]").forEach(slider => {
    const instants = JSON.parse(slider.dataset.instants);
    const output = document.getElementById(slider.dataset.output);
    slider.hidden = false;
    slider.addEventListener("input", () => { output.textContent = instants[slider.value].label; });
    slider.addEventListener("change", () => {
        const url = new URL(window.location.href);
        url.searchParams.set("publishedAsOf", instants[slider.value].value);
        url.hash = "matrix";
        window.location.assign(url);
    });
});
