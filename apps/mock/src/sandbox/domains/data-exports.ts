// Data Exports: the download address of a data export report configured in the instance. The
// reports are records (`data_export`) named by their UUID; a record holds the answer the
// report gives, `{status, url}`, which is why its kind follows the WriteResult schema.
import { ok, refused } from "../answers.js";
import type { DomainModule } from "../handler.js";
import type { StoredRecord } from "../store.js";

const EXPORT = "data_export";

interface ExportRecord extends StoredRecord {
  uuid: string;
  url: string;
}

export const domain: DomainModule = {
  tag: "Data Exports",
  kinds: { [EXPORT]: { schema: "WriteResult" } },
  handlers: {
    getDataExport({ params, store }) {
      const uuid = String(params["id"]).toLowerCase();
      const report = store.where<ExportRecord>(EXPORT, "uuid", uuid)[0];
      if (!report) return refused(`There is no data export report ${uuid}.`);
      return ok({ status: "OK", url: report.url });
    },
  },
};
