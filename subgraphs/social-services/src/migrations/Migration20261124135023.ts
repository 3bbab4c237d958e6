import { Migration } from '@mikro-orm/migrations';

export class Migration20261124135023 extends Migration {

  override name = 'Migration20261124135023';

  override up(): void | Promise<void> {
    // Consent rows change (signatures, withdrawals): an optimistic-lock version, so no update is lost.
    this.addSql(`alter table "consent" add "row_version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "row_version";`);
  }

}
