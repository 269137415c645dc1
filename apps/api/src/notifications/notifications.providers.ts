import type { Provider, Type } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmailChannel } from './channels/email-channel';
import { GatewayChannel } from './channels/gateway-channel';
import { MESSAGE_CHANNELS, type MessageChannel } from './channels/message-channel';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MemberPreferences } from './member-preferences.service';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { NotificationPlanner } from './notification-planner.service';
import { defaultMailFrom } from './notifications-config';
import { PersonalLinksController } from './personal-links.controller';
import { PersonalLinksService } from './personal-links.service';
import { ReflectionReminders } from './reflection-reminders.service';

/** The channels this deployment is configured for: e-mail with SMTP_URL, SMS/Zalo with MESSAGE_GATEWAY_URL. */
const channelsProvider: Provider = {
  provide: MESSAGE_CHANNELS,
  inject: [APP_CONFIG],
  useFactory: ({ notifications: n, publicUrl }: AppConfig): MessageChannel[] => [
    ...(n.smtpUrl
      ? [new EmailChannel(n.smtpUrl, n.mailFrom ?? defaultMailFrom(publicUrl), n.sendTimeoutMs)]
      : []),
    ...(n.gateway ? [new GatewayChannel(n.gateway, n.sendTimeoutMs)] : []),
  ],
};

export const notificationsControllers: Type[] = [InvitationsController, PersonalLinksController];

export const notificationsProviders: Provider[] = [
  channelsProvider,
  NotificationDispatcher,
  NotificationPlanner,
  ReflectionReminders,
  InvitationsService,
  PersonalLinksService,
  MemberPreferences,
];
