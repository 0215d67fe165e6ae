// French (Québec): only what differs from `fr`. Québec usage prefers « publication » to
// « post », « fin de semaine », « infolettre », « courriel » and « mots-clics ».
import type { Messages } from "./messages";

export const frCA: Partial<Messages> = {
  "app.shortcuts": "Raccourcis : ← → période précédente ou suivante, T aujourd’hui, N nouvelle publication, 1–4 vues, Alt+← → déplacer la publication choisie d’un jour, Ctrl+Z annuler",
  "header.newPost": "+ Nouvelle publication",
  "week.weekend": "Fin de semaine",
  "day.add": "Ajouter une publication le {day}",
  "platform.newsletter": "Infolettre (courriel)",
  "warning.no_objective": "Aucun objectif : à quoi sert cette publication?",
  "panel.newTitle": "Nouvelle publication",
  "panel.editTitle": "Modifier la publication",
  "field.tags": "Mots-clics (séparés par des virgules)",
  "toast.created": "Publication créée.",
  "toast.saved": "Publication enregistrée.",
  "toast.savedWithWarnings": "Publication enregistrée. À revoir : {warnings}",
  "toast.deleted": "Publication mise à la corbeille.",
  "toast.restored": "Publication rétablie.",
  "status.approved": "Approuvée",
  "status.scheduled": "Planifiée",
  "status.published": "Publiée",
  "status.cancelled": "Annulée",
  "lanes.target": "{count} publication(s) cette semaine pour un objectif de {target}",
  "filter.allTags": "Tous les mots-clics",
  "toast.moved": "« {title} » déplacée.",
  "calendar.noPosts": "Rien de prévu pour cette période",
  "calendar.moreOn": "{count} autres publications ce jour-là : voir la semaine",
  "field.weeklyTarget": "Publications par semaine",
  // ── Data screens: exports, feeds, backups, trash, imports, plans ──
  "data.exportedCsv": "{count} publications exportées dans {file}.",
  "trash.kind.post": "Publication",
  "trash.restored.post": "« {title} » rétablie.",
  "import.summary": "{file} : {posts} publication(s) prête(s), {problems} problème(s).",
  "import.posts": "Publications à importer",
  "import.nothing": "Aucune publication à importer.",
  "import.go": "Importer {count} publication(s)",
  "import.done": "{count} publications importées.",
  "undo.postDeleted": "Publication supprimée",
  // ── campaigns, slots and holidays ──
  "campaign.moveWith": "Déplacer aussi les {count} publications liées?",
  "holiday.new_year": "Jour de l’An",
  "holiday.christmas_eve": "Veille de Noël",
  "holiday.new_years_eve": "Veille du jour de l’An",
  "holiday.black_friday": "Vendredi fou",
  // ── dashboard, results, ambassadors, crisis switch (strategy-b) ──
  "error.held_reserved": "Seul le bouton de crise met une publication en pause.",
  "dash.r.likes": "Mentions J’aime",
};
