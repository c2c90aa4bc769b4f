// A small consumer program for `npm run bench:types`: the calls an integration typically makes,
// compiled against the built package with `tsc --extendedDiagnostics`, to see what the client's
// types cost the compiler (check time, types, instantiations).
import { createServiceDeskClient } from "@sd-toolkit/client";

const sd = createServiceDeskClient({
  instance: "acme.sd.cloud.invgate.net",
  auth: { username: "api", password: "secret" },
});

export async function integration(): Promise<void> {
  const { data } = await sd.GET("/incident", { params: { query: { id: 4211, comments: true } } });
  if (data) console.log(data.title);
  await sd.GET("/incidents", { params: { query: { ids: [4211, 4212] } }, timeoutMs: 5000 });
  await sd.PUT("/incident", { body: { id: 4211, priority_id: 3, reassignment: true } });
  await sd.POST("/incident", {
    body: {
      title: "VPN access",
      type_id: 2,
      priority_id: 2,
      category_id: 41,
      customer_id: 1190,
      creator_id: 1190,
    },
  });
  await sd.PUT("/incident.approval.accept", { body: { approval_id: 7, user_id: 1042 } });
  await sd.GET("/users.by", { params: { query: { email: "@northwind.example" } }, retry: false });
  await sd.DELETE("/companies.users", { params: { query: { id: 8, users: [1187, 1190] } } });
  const article = await sd.unwrap(sd.GET("/kb.articles", { params: { query: { limit: 10 } } }));
  console.log(article);
  for await (const user of sd.paginate("/users.by", { params: { query: { email: "a" } } })) {
    console.log(user.id);
  }
}
