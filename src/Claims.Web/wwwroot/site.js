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

// On an account's page, an editor selects a passage of the text and takes it as the claim's quote; the statement is
// left for the editor's own words, prefilled with nothing but the translation they give. Without the script the
// passage is pasted into the same form.
document.querySelectorAll("[data-passage-form]").forEach(form => {
    const button = form.querySelector("[data-use-selection]");
    const quote = form.querySelector("#NewClaim_QuoteText");
    const translation = form.querySelector("#NewClaim_QuoteTranslation");
    const statement = form.querySelector("#NewClaim_Statement");
    const text = document.querySelector(".text-body:not([data-translation])");
    if (!button || !quote || !text) return;
    button.hidden = false;
    const selected = () => {
        const selection = window.getSelection();
        if (!selection || selection.isCollapsed || selection.rangeCount === 0) return "";
        const range = selection.getRangeAt(0);
        return text.contains(range.commonAncestorContainer) ? selection.toString().trim() : "";
    };
    const update = () => { button.disabled = selected() === ""; };
    document.addEventListener("selectionchange", update);
    update();
    button.addEventListener("click", () => {
        const passage = selected();
        if (!passage) return;
        quote.value = passage;
        quote.focus();
    });
    translation?.addEventListener("change", () => {
        if (statement && statement.value.trim() === "") statement.value = translation.value;
    });
});
