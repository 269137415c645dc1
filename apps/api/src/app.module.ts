import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { attendanceControllers, attendanceProviders } from './attendance/attendance.providers';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AccessRevocations } from './auth/access-revocations';
import { ActorResolver } from './auth/actor-resolver.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { ApiExceptionFilter } from './common/errors/api-exception.filter';
import { clusterProviders } from './cluster/cluster.providers';
import { RateLimits } from './cluster/rate-limits';
import { SharedThrottlerStorage } from './cluster/throttler-storage';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DATABASE, type Database } from './database/database';
import { PrismaService } from './database/prisma.service';
import { FileStorage } from './files/file-storage.service';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { liveControllers, liveProviders } from './live/live.providers';
import { mediaControllers, mediaProviders } from './media/media.providers';
import { evaluationControllers, evaluationProviders } from './evaluation/evaluation.providers';
import { feedbackControllers, feedbackProviders } from './feedback/feedback.providers';
import { programmesControllers, programmesProviders } from './programmes/programmes.providers';
import { reflectionsControllers, reflectionsProviders } from './reflections/reflections.providers';
import { networkControllers, networkProviders } from './network/network.providers';
import { ImportRosterService } from './members/import-roster.service';
import {
  observabilityControllers,
  observabilityImports,
  observabilityProviders,
} from './observability/observability.providers';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { notificationsControllers, notificationsProviders } from './notifications/notifications.providers';
import { JoinLinksService } from './sessions/join-links.service';
import { MaterialsService } from './sessions/materials.service';
import { MaterialsController, SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { SetupController } from './setup/setup.controller';
import { SetupService } from './setup/setup.service';
import { slidesControllers, slidesProviders } from './slides/slides.providers';
import { SitesController } from './sites/sites.controller';
import { SitesService } from './sites/sites.service';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
        ...observabilityImports(config),
      ],
      controllers: [
        HealthController,
        SetupController,
        AuthController,
        UnitsController,
        MembersController,
        UsersController,
        SitesController,
        SessionsController,
        MaterialsController,
        AuditController,
        ...slidesControllers,
        ...liveControllers,
        ...attendanceControllers,
        ...mediaControllers,
        ...reflectionsControllers,
        ...programmesControllers,
        ...feedbackControllers,
        ...evaluationControllers,
        ...networkControllers,
        ...observabilityControllers,
        ...notificationsControllers,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE, useValue: db },
        { provide: PrismaService, useValue: db.prisma },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // The REST limits per address, counted in Redis with REDIS_URL (all instances together).
        {
          provide: ThrottlerStorage,
          useFactory: (limits: RateLimits) => new SharedThrottlerStorage(limits),
          inject: [RateLimits],
        },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        TokenService,
        ActorResolver,
        AccessRevocations,
        AuthService,
        AuditService,
        FileStorage,
        HealthService,
        SetupService,
        UnitsService,
        MembersService,
        ImportRosterService,
        UsersService,
        SitesService,
        SessionsService,
        JoinLinksService,
        MaterialsService,
        ...slidesProviders,
        ...clusterProviders(config),
        ...liveProviders,
        ...attendanceProviders,
        ...mediaProviders,
        ...reflectionsProviders,
        ...programmesProviders,
        ...feedbackProviders,
        ...evaluationProviders,
        ...networkProviders,
        ...observabilityProviders,
        ...notificationsProviders,
      ],
    };
  }
}
