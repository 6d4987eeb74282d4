import { Migrator, type Kysely } from 'kysely';
import { StoreError } from '../core/errors.ts';
import type { FactFilter } from '../core/facts.ts';
import type { Clock } from '../core/ports.ts';
import type { Store } from './store.ts';
import * as act from './act-queries.ts';
import * as analysis from './analysis-writer.ts';
import * as assessments from './assessment-queries.ts';
import { listAudit } from './audit-queries.ts';
import { eraseCustomer } from './erase-queries.ts';
import * as importLog from './import-log-queries.ts';
import { undoImport } from './import-undo-queries.ts';
import { applyRetention } from './retention-queries.ts';
import { counts } from './count-queries.ts';
import { writeConversations } from './conversation-writer.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { writeEmployeeAnswers } from './employee-writer.ts';
import * as facts from './fact-queries.ts';
import * as imports from './import-queries.ts';
import * as listening from './listening-queries.ts';
import { migrationProvider } from './migrations/index.ts';
import * as workspaces from './workspace-queries.ts';

/** The Store over Kysely: a thin façade that hands its connection, dialect adapter and clock to the queries. */
export class KyselyStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
    private readonly clock: Clock,
  ) {
    this.dialect = adapter.kind;
  }

  async migrate(): Promise<void> {
    const migrationTableSchema = await this.adapter.prepareNamespace(this.db);
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.adapter), migrationTableSchema });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreError(`Database migration "${failed}" failed: ${reason}. Fix the database (or restore a backup) and start again.`);
    }
  }

  close() { return this.adapter.close(this.db); }

  ensureWorkspace(id: string, name?: string) { return workspaces.ensureWorkspace(this.db, this.clock, id, name); }
  updateWorkspaceSettings(id: string, settings: Parameters<Store['updateWorkspaceSettings']>[1]) {
    return workspaces.updateWorkspaceSettings(this.db, id, settings);
  }
  ensureSource(workspaceId: string, name: string, kind: string) {
    return workspaces.ensureSource(this.db, this.clock, workspaceId, name, kind);
  }

  writeConversations(workspaceId: string, sourceId: string, batch: Parameters<Store['writeConversations']>[2], importId?: string) {
    return writeConversations(this.db, this.adapter, this.clock, workspaceId, sourceId, batch, importId);
  }
  writeEmployeeAnswers(workspaceId: string, sourceId: string, batch: Parameters<Store['writeEmployeeAnswers']>[2], importId?: string) {
    return writeEmployeeAnswers(this.db, this.adapter, this.clock, workspaceId, sourceId, batch, importId);
  }

  findImport(workspaceId: string, sha256: string) { return imports.findImport(this.db, workspaceId, sha256); }
  recordImport(workspaceId: string, sourceId: string, file: Parameters<Store['recordImport']>[2]) {
    return imports.recordImport(this.db, this.clock, workspaceId, sourceId, file);
  }
  storedElsewhere(workspaceId: string, sourceId: string, externalIds: string[]) {
    return imports.storedElsewhere(this.db, this.adapter, workspaceId, sourceId, externalIds);
  }

  pendingAnalysis(workspaceId: string, modelVersion: string, limit: number) {
    return analysis.pendingAnalysis(this.db, workspaceId, modelVersion, limit);
  }
  saveAnalyses(workspaceId: string, modelVersion: string, rows: Parameters<Store['saveAnalyses']>[2]) {
    return analysis.saveAnalyses(this.db, this.adapter, this.clock, workspaceId, modelVersion, rows);
  }

  messageFacts(workspaceId: string, filter?: FactFilter) { return facts.messageFacts(this.db, this.adapter, workspaceId, filter); }
  iterateMessageFacts(workspaceId: string, filter?: FactFilter, pageSize?: number) {
    return facts.iterateMessageFacts(this.db, this.adapter, workspaceId, filter, pageSize);
  }
  surveyFacts(workspaceId: string, filter?: FactFilter) { return facts.surveyFacts(this.db, workspaceId, filter); }
  employeeFacts(workspaceId: string) { return facts.employeeFacts(this.db, workspaceId); }

  listMessages(workspaceId: string, filter: FactFilter, limit: number, cursor?: string | null) {
    return listening.listMessages(this.db, this.adapter, workspaceId, filter, limit, cursor);
  }
  customerHistory(workspaceId: string, customerId: string) {
    return listening.customerHistory(this.db, this.adapter, workspaceId, customerId);
  }

  counts(workspaceId: string) { return counts(this.db, workspaceId); }
  dataVersion(workspaceId: string) { return workspaces.dataVersion(this.db, workspaceId); }

  createCase(c: Parameters<Store['createCase']>[0]) { return act.createCase(this.db, this.clock, c); }
  listCases(workspaceId: string) { return act.listCases(this.db, workspaceId); }
  createAlert(a: Parameters<Store['createAlert']>[0]) { return act.createAlert(this.db, this.clock, a); }
  listAlerts(workspaceId: string) { return act.listAlerts(this.db, workspaceId); }

  saveAssessment(workspaceId: string, a: Parameters<Store['saveAssessment']>[1]) { return assessments.saveAssessment(this.db, this.clock, workspaceId, a); }
  listAssessments(workspaceId: string, limit?: number) { return assessments.listAssessments(this.db, workspaceId, limit); }

  beginImport(workspaceId: string, sourceId: string, file: Parameters<Store['beginImport']>[2]) {
    return importLog.beginImport(this.db, this.clock, workspaceId, sourceId, file);
  }
  finishImport(workspaceId: string, importId: string, records: number, keepIfNothingAdded: boolean) {
    return importLog.finishImport(this.db, this.clock, workspaceId, importId, records, keepIfNothingAdded);
  }
  listImports(workspaceId: string) { return importLog.listImports(this.db, workspaceId); }
  undoImport(workspaceId: string, importId: string, actor?: string) { return undoImport(this.db, this.adapter, this.clock, workspaceId, importId, actor); }
  eraseCustomer(workspaceId: string, externalId: string, actor?: string) { return eraseCustomer(this.db, this.adapter, this.clock, workspaceId, externalId, actor); }
  applyRetention(workspaceId: string, months: number, opts?: Parameters<Store['applyRetention']>[2]) {
    return applyRetention(this.db, this.adapter, this.clock, workspaceId, months, opts);
  }
  auditLog(workspaceId: string, limit?: number) { return listAudit(this.db, workspaceId, limit); }
}
