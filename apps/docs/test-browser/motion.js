// Waiting for something on the page to stop moving, by watching it frame by frame rather than
// waiting a fixed time. Redoc's sidebar opens tags, closes others and scrolls itself to the
// active entry after a click; a pointer click aimed at a link while that happens can land on
// its neighbour.

/** Consecutive animation frames a box must keep still; the same count Playwright uses. */
const STILL_FRAMES = 2;
/** Frames after which motion counts as a failure rather than an animation (a hang bound). */
const MAX_FRAMES = 1_800;
/** Times the element may be replaced before that counts as a failure too. */
const MAX_REPLACEMENTS = 100;

/**
 * Resolves once the element the locator points at is visible and its box (position and size,
 * relative to the viewport, so the sidebar's own scrolling counts) has been the same for
 * STILL_FRAMES animation frames in a row. Should the element be replaced meanwhile (React
 * re-renders it), the locator is resolved again and the count starts over.
 * @param {import("playwright-core").Locator} locator
 * @returns {Promise<void>}
 */
export async function whenStill(locator) {
  for (let replaced = 0; replaced < MAX_REPLACEMENTS; replaced += 1) {
    await locator.waitFor({ state: "visible" });
    const outcome = await locator.evaluate(
      (element, { stillFrames, maxFrames }) =>
        new Promise((resolve) => {
          let previous = "";
          let still = 0;
          let frames = 0;
          const step = () => {
            if (!element.isConnected) return resolve("replaced");
            const box = element.getBoundingClientRect();
            const now = `${box.x},${box.y},${box.width},${box.height}`;
            still = now === previous && box.width > 0 ? still + 1 : 0;
            previous = now;
            frames += 1;
            if (still >= stillFrames) return resolve("still");
            if (frames >= maxFrames) return resolve("moving");
            globalThis.requestAnimationFrame(step);
          };
          globalThis.requestAnimationFrame(step);
        }),
      { stillFrames: STILL_FRAMES, maxFrames: MAX_FRAMES },
    );
    if (outcome === "still") return;
    if (outcome === "moving")
      throw new Error(`${locator} kept moving for ${MAX_FRAMES} animation frames`);
  }
  throw new Error(`${locator} was replaced ${MAX_REPLACEMENTS} times while it was watched`);
}
