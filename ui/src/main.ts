// Entry point: choose the language, connect to the core (or the mock) and start the app.
import "./style.css";
import { App } from "./app";
import { connect, toErrorPayload } from "./api";
import { initialLocale, setLocale, t } from "./i18n/index";
import { errorMessage } from "./i18n/labels";
import { localParts, computerZone } from "./time/zone";

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  setLocale(initialLocale(window.localStorage, navigator.language));
  try {
    const { api, mock } = await connect();
    document.documentElement.dataset["backend"] = mock ? "mock" : "tauri";
    // One `app_info` for start-up: the operating system's language beats the web view's, which
    // may not follow it, and the app starts from the same answer.
    const info = await api.appInfo();
    if (info.systemLocale) setLocale(initialLocale(window.localStorage, info.systemLocale));
    await new App(root, api, localParts(new Date(), computerZone()).date).start(info);
  } catch (e) {
    const p = document.createElement("p");
    p.className = "notice error";
    p.setAttribute("role", "alert");
    p.textContent = t("app.loadError", { message: errorMessage(toErrorPayload(e)) });
    root.replaceChildren(p);
  }
}

void main();
