// Entry point: choose the language, connect to the core (or the mock) and start the app.
import { takeEarlyAnswers } from "./boot";
// FullCalendar's CSS first (vite.config.ts), then ours, which overrides it.
import "virtual:fullcalendar.css";
import "./style.css";
import { App } from "./app";
import { connect, toErrorPayload } from "./api";
import { initialLocale, setLocale, t } from "./i18n/index";
import { errorMessage } from "./i18n/labels";
import { localParts, computerZone } from "./time/zone";

performance.mark("cadence:main");
// Before anything is laid out: the fonts to ask for depend on the platform (style.css).
if (/Linux/.test(navigator.userAgent)) document.documentElement.dataset["os"] = "linux";

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  setLocale(initialLocale(window.localStorage, navigator.language));
  try {
    const { api, mock } = await connect();
    performance.mark("cadence:connected");
    document.documentElement.dataset["backend"] = mock ? "mock" : "tauri";
    // One `app_info` for start-up: the operating system's language beats the web view's, which
    // may not follow it, and the app starts from the same answer.
    // The plans are asked for at the same time (start-up makes two rounds of queries: these,
    // then the plan's overview with its first range; see App.start).
    const early = mock ? null : takeEarlyAnswers();
    // While the core answers: the computer's day (its first Intl date with a zone costs a few ms).
    const today = localParts(new Date(), computerZone()).date;
    const [info, plans] = await (early ?? Promise.all([api.appInfo(), api.listPlans()]));
    performance.mark("cadence:app-info");
    if (info.systemLocale) setLocale(initialLocale(window.localStorage, info.systemLocale));
    await new App(root, api, today).start({ info, plans });
  } catch (e) {
    const p = document.createElement("p");
    p.className = "notice error";
    p.setAttribute("role", "alert");
    p.textContent = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
    root.replaceChildren(p);
  }
}

void main();
