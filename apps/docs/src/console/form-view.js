// The form of one operation: a control per input of the description (see model.js for the
// kinds), each with a visible label, its type and whether it is required, and its description
// tied to it for screen readers. `read()` gives back the typed values the wire encoder takes.
import { h, uniqueId } from "./dom.js";
import { scalarValue } from "./model.js";

/** @typedef {import("./model.js").Field} Field */

export class FormInputError extends Error {
  /**
   * @param {string} message
   * @param {HTMLElement} control the control to focus
   */
  constructor(message, control) {
    super(message);
    this.control = control;
  }
}

/**
 * @typedef {object} FieldView
 * @property {Field} field
 * @property {HTMLElement} element
 * @property {() => unknown} read the typed value, undefined when nothing is to be sent
 * @property {(value: unknown) => void} fill sets the control from a value (history, example)
 */

/**
 * @param {Field[]} fields
 * @returns {{ element: HTMLElement, views: FieldView[] }}
 */
export function formView(fields) {
  const views = fields.map(fieldView);
  const groups = /** @type {const} */ (["query", "body"]).map((location) => {
    const own = views.filter((view) => view.field.location === location);
    if (own.length === 0) return undefined;
    return h("fieldset", { class: "inputs" }, [
      h("legend", {}, [location === "query" ? "Query parameters" : "Body fields"]),
      ...own.map((view) => view.element),
    ]);
  });
  const element = h("div", {}, [
    views.length === 0 ? h("p", {}, ["This operation takes no parameters."]) : undefined,
    ...groups,
  ]);
  return { element, views };
}

/**
 * Reads every field: `{ query, body }` with the fields that hold a value.
 * @param {FieldView[]} views
 * @param {boolean} hasBody
 */
export function readForm(views, hasBody) {
  /** @type {Record<string, unknown>} */
  const query = {};
  /** @type {Record<string, unknown>} */
  const body = {};
  for (const view of views) {
    const value = view.read();
    if (value === undefined) continue;
    (view.field.location === "query" ? query : body)[view.field.name] = value;
  }
  return { query, body: hasBody ? body : undefined };
}

/**
 * @param {Field} field
 * @returns {FieldView}
 */
function fieldView(field) {
  const id = uniqueId(`field-${field.name.replace(/\W/g, "_")}`);
  const descriptionId = `${id}-description`;
  const label = [
    h("code", {}, [field.name]),
    " ",
    h("span", { class: "type" }, [field.type]),
    field.required ? h("span", { class: "required" }, [" required"]) : undefined,
  ];
  const description = field.description
    ? h("p", { id: descriptionId, class: "description" }, [plainText(field.description)])
    : undefined;
  const describedBy = description ? descriptionId : undefined;
  const build = BUILDERS[field.kind];
  const { control, read, fill, group } = build(field, id, describedBy);
  const element = group
    ? h(
        "fieldset",
        { class: "field rows", "data-field": field.name, "aria-describedby": describedBy },
        [h("legend", {}, label), description, control],
      )
    : h("div", { class: "field", "data-field": field.name }, [
        h("label", { for: id }, label),
        description,
        control,
      ]);
  const view = { field, element, read, fill };
  if (field.example !== undefined) fill(field.example);
  return view;
}

/**
 * @typedef {(field: Field, id: string, describedBy: string | undefined) => {
 *   control: HTMLElement, read: () => unknown, fill: (value: unknown) => void, group?: boolean
 * }} Builder
 */

/** @type {Record<import("./model.js").FieldKind, Builder>} */
const BUILDERS = {
  text: scalar,
  integer: scalar,
  number: scalar,
  boolean(field, id, describedBy) {
    return choice(field, id, describedBy, [
      ["true", "true (sent as 1)"],
      ["false", "false (sent as 0)"],
    ]);
  },
  enum(field, id, describedBy) {
    const choices = field.choices ?? [];
    return choice(
      field,
      id,
      describedBy,
      choices.map((value) => [JSON.stringify(value), String(value)]),
    );
  },
  list(field, id, describedBy) {
    return rows(field, id, describedBy, false);
  },
  dictionary(field, id, describedBy) {
    return rows(field, id, describedBy, true);
  },
  file: fileInput,
  files: fileInput,
  json(field, id, describedBy) {
    const control = h("textarea", {
      id,
      rows: 4,
      spellcheck: "false",
      "aria-describedby": describedBy,
      "aria-required": field.required,
    });
    return {
      control,
      read() {
        if (control.value.trim() === "") return undefined;
        try {
          return JSON.parse(control.value);
        } catch {
          throw new FormInputError(`${field.name}: the value is not valid JSON.`, control);
        }
      },
      fill(value) {
        control.value = JSON.stringify(value, null, 2);
      },
    };
  },
};

/** @type {Builder} */
function scalar(field, id, describedBy) {
  const kind = /** @type {"text" | "integer" | "number"} */ (field.kind);
  const control = h("input", {
    id,
    type: "text",
    inputmode: kind === "text" ? undefined : kind === "integer" ? "numeric" : "decimal",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": describedBy,
    "aria-required": field.required,
  });
  if (field.secret) control.type = "password";
  return {
    control,
    read: () => (control.value === "" ? undefined : scalarValue(kind, control.value)),
    fill(value) {
      control.value = value === undefined || value === null ? "" : String(value);
    },
  };
}

/**
 * @param {Field} field
 * @param {string} id
 * @param {string | undefined} describedBy
 * @param {Array<[string, string]>} options JSON of the value, and the text shown
 */
function choice(field, id, describedBy, options) {
  const control = h(
    "select",
    { id, "aria-describedby": describedBy, "aria-required": field.required },
    [
      h("option", { value: "" }, [field.required ? "Choose a value" : "(not sent)"]),
      ...options.map(([value, text]) => h("option", { value }, [text])),
    ],
  );
  return {
    control,
    read: () => (control.value === "" ? undefined : JSON.parse(control.value)),
    /** @param {unknown} value */
    fill(value) {
      control.value = value === undefined ? "" : JSON.stringify(value);
    },
  };
}

/**
 * Repeatable rows: list items, or dictionary keys with their values.
 * @param {Field} field
 * @param {string} id
 * @param {string | undefined} _describedBy on the group's fieldset instead
 * @param {boolean} keyed
 */
function rows(field, id, _describedBy, keyed) {
  const itemKind = field.itemKind ?? "text";
  const list = h("ol", { class: "row-list", id });
  const noun = keyed ? "entry" : "item";
  /** @type {Array<{ row: HTMLElement, key?: HTMLInputElement, value: HTMLInputElement | HTMLSelectElement }>} */
  let entries = [];

  const renumber = () =>
    entries.forEach((entry, index) => {
      const n = index + 1;
      entry.key?.setAttribute("aria-label", `${field.name}, key of ${noun} ${n}`);
      entry.value.setAttribute(
        "aria-label",
        `${field.name}, ${keyed ? "value of " : ""}${noun} ${n}`,
      );
      entry.row
        .querySelector("button")
        ?.setAttribute("aria-label", `Remove ${noun} ${n} of ${field.name}`);
    });

  /** @param {string} [key] @param {unknown} [value] */
  const add = (key, value) => {
    const keyInput = keyed
      ? h("input", { type: "text", autocomplete: "off", value: key ?? "" })
      : undefined;
    const valueInput = field.choices
      ? h("select", {}, [
          h("option", { value: "" }, ["(empty)"]),
          ...field.choices.map((choiceValue) =>
            h("option", { value: JSON.stringify(choiceValue) }, [String(choiceValue)]),
          ),
        ])
      : h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
    if (value !== undefined)
      valueInput.value = field.choices ? JSON.stringify(value) : String(value);
    const entry = { row: h("li"), key: keyInput, value: valueInput };
    const remove = h(
      "button",
      {
        type: "button",
        class: "secondary",
        onclick() {
          const index = entries.indexOf(entry);
          entries = entries.filter((other) => other !== entry);
          entry.row.remove();
          renumber();
          // Keep the keyboard where it was: on the next row's first control, or the add button.
          const next = entries[index] ?? entries[index - 1];
          (next?.key ?? next?.value ?? addButton).focus();
        },
      },
      ["Remove"],
    );
    entry.row.append(...[keyInput, valueInput, remove].filter((node) => node !== undefined));
    entries.push(entry);
    list.append(entry.row);
    renumber();
    return entry;
  };
  const addButton = h(
    "button",
    {
      type: "button",
      class: "secondary",
      onclick() {
        const entry = add();
        (entry.key ?? entry.value).focus();
      },
    },
    [`Add ${noun}`],
  );
  add();
  const control = h("div", {}, [list, addButton]);
  return {
    group: true,
    control,
    read() {
      const filled = entries.filter(
        (entry) => entry.value.value !== "" || (entry.key?.value ?? "") !== "",
      );
      if (filled.length === 0) return undefined;
      /** @param {HTMLInputElement | HTMLSelectElement} input */
      const typed = (input) =>
        field.choices ? JSON.parse(input.value || '""') : scalarValue(itemKind, input.value);
      if (!keyed) return filled.map((entry) => typed(entry.value));
      return Object.fromEntries(
        filled.map((entry) => [entry.key?.value ?? "", typed(entry.value)]),
      );
    },
    /** @param {unknown} value */
    fill(value) {
      for (const entry of entries) entry.row.remove();
      entries = [];
      if (keyed && value && typeof value === "object" && !Array.isArray(value)) {
        for (const [key, item] of Object.entries(value)) add(key, item);
      } else if (!keyed && Array.isArray(value)) {
        for (const item of value) add(undefined, item);
      }
      if (entries.length === 0) add();
    },
  };
}

/** @type {Builder} */
function fileInput(field, id, describedBy) {
  const control = h("input", {
    id,
    type: "file",
    multiple: field.kind === "files",
    "aria-describedby": describedBy,
    "aria-required": field.required,
  });
  return {
    control,
    read() {
      const files = [...(control.files ?? [])];
      if (files.length === 0) return undefined;
      return field.kind === "files" ? files : files[0];
    },
    // A browser never lets a page choose a file for the reader: history keeps names only.
    fill() {},
  };
}

/**
 * Descriptions are Markdown; the console shows them as text without the marks.
 * @param {string} markdown
 */
function plainText(markdown) {
  return (
    markdown
      .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
      .replace(/[`*_]/g, "")
      .split("\n")[0] ?? ""
  );
}
