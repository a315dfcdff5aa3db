// Small enhancements; every page works without them.
// The as-of slider steps through the accounts as they came out. Moving it (with the mouse or the arrow keys)
// fetches the view at that instant and swaps it in, keeping the focus on the slider; the address follows, so the
// instant can be linked. Without the script, the list and its button do the same by loading the page.
document.querySelectorAll("[data-asof-slider]").forEach(slider => {
    const instants = JSON.parse(slider.dataset.instants);
    const select = document.getElementById("publishedAsOf");
    let timer = 0, request = 0;
    slider.hidden = false;

    const show = async () => {
        const step = instants[slider.value];
        const url = new URL(window.location.href);
        url.searchParams.set("publishedAsOf", step.value);
        url.hash = "";
        const mine = ++request;
        const response = await fetch(url, { headers: { "Accept": "text/html" } });
        if (!response.ok || mine !== request) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("call-view");
        if (!fresh) return;
        document.getElementById("call-view").replaceWith(fresh);
        // The previous/next links follow the instant shown.
        const steps = page.getElementById("asof-steps");
        if (steps) document.getElementById("asof-steps")?.replaceWith(steps);
        if (select) select.value = step.value;
        history.replaceState(null, "", url);
    };

    slider.addEventListener("input", () => {
        const step = instants[slider.value];
        slider.setAttribute("aria-valuetext", step.label);
        const output = document.getElementById(slider.dataset.output);
        if (output) output.textContent = step.label;
        clearTimeout(timer);
        timer = setTimeout(show, 250);
    });
});
